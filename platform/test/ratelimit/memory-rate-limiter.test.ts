import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from '../../src/ratelimit/index.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('the in-memory rate limiter', () => {
  it('allows a burst up to the capacity and denies the next take with a wait until one token refills', async () => {
    const time = clock();
    const limiter = createMemoryRateLimiter({ capacity: 5, refillPerSecond: 2, now: time.now });
    const burst = await Promise.all(Array.from({ length: 5 }, () => limiter.take('client')));
    expect(burst.every((d) => d.allowed)).toBe(true);
    expect(burst.map((d) => d.remaining).sort()).toEqual([0, 1, 2, 3, 4]);

    const denied = await limiter.take('client');
    expect(denied).toEqual({ allowed: false, remaining: 0, retryAfterMs: 500 });
  });

  it('refills at the configured rate, never beyond the capacity', async () => {
    const time = clock();
    const limiter = createMemoryRateLimiter({ capacity: 3, refillPerSecond: 10, now: time.now });
    for (let i = 0; i < 3; i++) await limiter.take('client');
    expect((await limiter.take('client')).allowed).toBe(false);

    time.advance(100);
    expect(await limiter.take('client')).toMatchObject({ allowed: true, remaining: 0 });
    expect((await limiter.take('client')).allowed).toBe(false);

    time.advance(60_000);
    expect(await limiter.take('client')).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('keeps one bucket per key', async () => {
    const limiter = createMemoryRateLimiter({ capacity: 1, refillPerSecond: 1, now: clock().now });
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(false);
    expect((await limiter.take('b')).allowed).toBe(true);
  });

  it('charges a take its cost and denies a costly take without spending the tokens left', async () => {
    const time = clock();
    const limiter = createMemoryRateLimiter({ capacity: 10, refillPerSecond: 1, now: time.now });
    expect(await limiter.take('client', 8)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await limiter.take('client', 5)).toEqual({ allowed: false, remaining: 2, retryAfterMs: 3_000 });
    expect(await limiter.take('client', 2)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('rejects a cost above the capacity, which could never be allowed', async () => {
    const limiter = createMemoryRateLimiter({ capacity: 2, refillPerSecond: 1 });
    await expect(limiter.take('client', 3)).rejects.toThrow(RangeError);
  });
});
