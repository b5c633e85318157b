import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '@bazaar/platform/messaging';

describe('backoffDelay', () => {
  const backoff = { baseMs: 100, maxMs: 5_000 };

  it('doubles with each attempt until the cap', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => backoffDelay(attempt, backoff, middle))).toEqual([
      75, 150, 300, 600, 1_200, 2_400, 3_750, 3_750,
    ]);
  });

  it('always waits between half a step and a whole step, never past the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempt - 1, 30));
        const delay = backoffDelay(attempt, backoff, () => random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
        expect(delay).toBeLessThanOrEqual(step);
      }),
    );
  });
});
