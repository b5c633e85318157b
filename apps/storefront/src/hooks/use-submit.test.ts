import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem.ts';
import { useSubmit } from './use-submit.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const invalid = new ApiError({
  title: 'The request is not valid',
  status: 400,
  errors: [{ path: 'body.shippingAddress.postalCode', message: 'must NOT have more than 20 characters' }],
});

describe('useSubmit', () => {
  it('is pending while the request runs, then holds the failure and tells the page', async () => {
    const answer = deferred<string>();
    const onFailure = vi.fn();
    const { result } = renderHook(() => useSubmit());

    act(() => result.current.submit(() => answer.promise, { onFailure }));
    expect(result.current.pending).toBe(true);
    await act(async () => answer.reject(invalid));

    expect(result.current.pending).toBe(false);
    expect(result.current.error).toBe(invalid);
    expect(onFailure).toHaveBeenCalledOnce();
  });

  it("gives each form field the server's message about it", async () => {
    const { result } = renderHook(() => useSubmit());

    await act(async () => result.current.submit(() => Promise.reject(invalid)));

    expect(result.current.fieldError('postalCode')).toBe('must NOT have more than 20 characters');
    expect(result.current.fieldError('city')).toBeUndefined();
  });

  it('sends one request for a double submit', async () => {
    const answer = deferred<string>();
    const request = vi.fn(() => answer.promise);
    const { result } = renderHook(() => useSubmit());

    act(() => {
      result.current.submit(request);
      result.current.submit(request);
    });
    await act(async () => answer.resolve('done'));

    expect(request).toHaveBeenCalledOnce();
  });

  it('clears the last failure when the form is sent again', async () => {
    const retry = deferred<string>();
    const { result } = renderHook(() => useSubmit());
    await act(async () => result.current.submit(() => Promise.reject(invalid)));

    act(() => result.current.submit(() => retry.promise));

    expect(result.current.error).toBeNull();
    expect(result.current.fieldError('postalCode')).toBeUndefined();
  });

  it('ends pending after a success that stays on the page, and accepts the next submit', async () => {
    const onSuccess = vi.fn();
    const request = vi.fn(async () => 'saved');
    const { result } = renderHook(() => useSubmit());

    await act(async () => result.current.submit(request, { onSuccess }));
    expect(result.current.pending).toBe(false);
    expect(onSuccess).toHaveBeenCalledWith('saved');
    await act(async () => result.current.submit(request));

    expect(request).toHaveBeenCalledTimes(2);
  });

  it('stays pending after a success that leaves the page, so the button is not offered again on the way out', async () => {
    const request = vi.fn(async () => 'placed');
    const { result } = renderHook(() => useSubmit());

    await act(async () => result.current.submit(request, { leavesPage: true }));
    await act(async () => result.current.submit(request, { leavesPage: true }));

    expect(result.current.pending).toBe(true);
    expect(request).toHaveBeenCalledOnce();
  });
});
