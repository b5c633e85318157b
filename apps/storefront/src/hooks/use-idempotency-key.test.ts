import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useIdempotencyKey } from './use-idempotency-key.ts';

const request = { shippingAddress: { name: 'Sam', line1: '1 Market St', city: 'Rotterdam', postalCode: '3011', country: 'NL' }, paymentToken: 'tok_visa' };

describe('useIdempotencyKey', () => {
  it('reuses the key when the same checkout is sent again (a retry)', () => {
    const { result } = renderHook(() => useIdempotencyKey());
    const first = result.current(request);
    expect(result.current(structuredClone(request))).toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
  });

  it('starts a new attempt, with a new key, when the checkout changed', () => {
    const { result } = renderHook(() => useIdempotencyKey());
    const first = result.current(request);
    expect(result.current({ ...request, paymentToken: 'tok_chargeDeclined' })).not.toBe(first);
  });

  it('survives a re-render of the page', () => {
    const { result, rerender } = renderHook(() => useIdempotencyKey());
    const first = result.current(request);
    rerender();
    expect(result.current(request)).toBe(first);
  });
});
