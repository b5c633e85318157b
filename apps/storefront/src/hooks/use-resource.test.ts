import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useResource } from './use-resource.ts';

function showTab(state: DocumentVisibilityState) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
  document.dispatchEvent(new Event('visibilitychange'));
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('useResource', () => {
  it('loads what the key names and reports loading until it arrives', async () => {
    const { result } = renderHook(() => useResource('a', async () => 'answer'));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data).toBe('answer'));
    expect(result.current.loading).toBe(false);
  });

  it('never lets a slow answer for an old key replace the answer for the new one', async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const signals: AbortSignal[] = [];
    const { result, rerender } = renderHook(({ key }) => useResource(key, (signal) => (signals.push(signal), key === 'old' ? slow.promise : fast.promise)), {
      initialProps: { key: 'old' },
    });

    rerender({ key: 'new' });
    fast.resolve('new answer');
    await waitFor(() => expect(result.current.data).toBe('new answer'));
    slow.resolve('old answer');
    await act(async () => {});

    expect(result.current.data).toBe('new answer');
    expect(signals[0]?.aborted).toBe(true);
  });

  it('loads nothing for a null key', () => {
    const load = vi.fn(async () => 'x');
    const { result } = renderHook(() => useResource(null, load));
    expect(load).not.toHaveBeenCalled();
    expect(result.current.loading).toBe(false);
  });

  it('polls while the answer asks for it and stops once it does not', async () => {
    vi.useFakeTimers();
    const answers = ['PENDING', 'RESERVED', 'CONFIRMED'];
    let calls = 0;
    const load = vi.fn(async () => answers[Math.min(calls++, answers.length - 1)]);
    const { result } = renderHook(() => useResource('order', load, { pollMs: (status) => (status === 'CONFIRMED' ? undefined : 1000) }));

    await act(async () => {});
    expect(result.current.data).toBe('PENDING');
    await act(async () => vi.advanceTimersByTime(1000));
    expect(result.current.data).toBe('RESERVED');
    await act(async () => vi.advanceTimersByTime(1000));
    expect(result.current.data).toBe('CONFIRMED');
    await act(async () => vi.advanceTimersByTime(5000));

    expect(load).toHaveBeenCalledTimes(3);
  });

  it('keeps the last good answer when a poll fails', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const load = vi.fn(async () => {
      if (calls++ === 0) return 'first';
      throw new Error('blip');
    });
    const { result } = renderHook(() => useResource('k', load, { pollMs: 1000 }));

    await act(async () => {});
    await act(async () => vi.advanceTimersByTime(1000));

    expect(result.current.data).toBe('first');
    expect(result.current.error).toBeInstanceOf(Error);
  });

  it('stops polling while the tab is hidden and reads again at once when it is shown', async () => {
    vi.useFakeTimers();
    const load = vi.fn(async () => 'answer');
    renderHook(() => useResource('system', load, { pollMs: 1000 }));
    await act(async () => {});
    expect(load).toHaveBeenCalledTimes(1);

    await act(async () => showTab('hidden'));
    await act(async () => vi.advanceTimersByTime(10_000));
    expect(load).toHaveBeenCalledTimes(1);

    await act(async () => showTab('visible'));
    expect(load).toHaveBeenCalledTimes(2);
    await act(async () => vi.advanceTimersByTime(1000));
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('starts no poll for an answer that arrives while the tab is hidden', async () => {
    vi.useFakeTimers();
    const answer = deferred<string>();
    const load = vi.fn(() => answer.promise);
    renderHook(() => useResource('badge', load, { pollMs: 1000 }));

    await act(async () => showTab('hidden'));
    await act(async () => answer.resolve('answer'));
    await act(async () => vi.advanceTimersByTime(10_000));
    expect(load).toHaveBeenCalledTimes(1);

    await act(async () => showTab('visible'));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not read again when the tab is shown once polling has stopped', async () => {
    vi.useFakeTimers();
    const load = vi.fn(async () => 'CONFIRMED');
    renderHook(() => useResource('order', load, { pollMs: (status) => (status === 'CONFIRMED' ? undefined : 1000) }));
    await act(async () => {});

    await act(async () => showTab('hidden'));
    await act(async () => showTab('visible'));

    expect(load).toHaveBeenCalledTimes(1);
  });
});
