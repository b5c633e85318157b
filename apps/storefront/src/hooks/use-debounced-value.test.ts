import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useDebouncedValue } from './use-debounced-value.ts';

describe('useDebouncedValue', () => {
  it('passes a value on only once it has stopped changing for the delay', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value }) => useDebouncedValue(value, 250), { initialProps: { value: 'h' } });

    rerender({ value: 'he' });
    act(() => vi.advanceTimersByTime(200));
    rerender({ value: 'hel' });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe('h');

    act(() => vi.advanceTimersByTime(50));
    expect(result.current).toBe('hel');
  });
});
