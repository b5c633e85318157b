import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testRedisUrl } from '../../src/testing/index.ts';
import { createRedisRateLimiter, openRateLimiter, type RateLimiter } from '../../src/ratelimit/index.ts';

const prefix = `bazaar-test:ratelimit:${randomBytes(4).toString('hex')}:`;
const opened: RateLimiter[] = [];

function limiter(capacity: number, refillPerSecond: number): RateLimiter {
  const created = createRedisRateLimiter({ url: testRedisUrl(), prefix, capacity, refillPerSecond });
  opened.push(created);
  return created;
}

afterAll(async () => {
  const redis = new Redis(testRedisUrl());
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await Promise.all(opened.map((l) => l.close()));
});

describe('the Redis rate limiter', () => {
  it('allows a burst up to the capacity and denies the next take with a positive wait', async () => {
    const bucket = limiter(5, 1);
    const burst = await Promise.all(Array.from({ length: 5 }, () => bucket.take('burst')));
    expect(burst.every((d) => d.allowed)).toBe(true);
    expect(burst.map((d) => d.remaining).sort()).toEqual([0, 1, 2, 3, 4]);

    const denied = await bucket.take('burst');
    expect(denied.allowed).toBe(false);
    expect(denied.retryAfterMs).toBeGreaterThan(0);
    expect(denied.retryAfterMs).toBeLessThanOrEqual(1_000);
  });

  it('refills over time', async () => {
    // 20 tokens a second: one token back after 50 ms; waiting 300 ms leaves a wide margin.
    const bucket = limiter(2, 20);
    await bucket.take('refill');
    await bucket.take('refill');
    expect((await bucket.take('refill')).allowed).toBe(false);
    await sleep(300);
    expect((await bucket.take('refill')).allowed).toBe(true);
  });

  it('shares one bucket between two limiters on the same Redis', async () => {
    const first = limiter(3, 0.1);
    const second = limiter(3, 0.1);
    expect((await first.take('shared')).allowed).toBe(true);
    expect((await second.take('shared')).allowed).toBe(true);
    expect((await first.take('shared')).allowed).toBe(true);
    expect((await second.take('shared')).allowed).toBe(false);
    expect((await first.take('shared')).allowed).toBe(false);
  });

  it('expires a bucket once it would be full again, so idle clients leave no keys behind', async () => {
    const bucket = limiter(1, 1);
    await bucket.take('expiring');
    const redis = new Redis(testRedisUrl());
    const ttl = await redis.pttl(`${prefix}expiring`);
    await redis.quit();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2_000);
  });

  it('is what openRateLimiter picks when a Redis URL is given, and reports ready', async () => {
    const picked = openRateLimiter({ redisUrl: testRedisUrl(), prefix, capacity: 1, refillPerSecond: 1 });
    opened.push(picked);
    await expect(picked.check()).resolves.toBeUndefined();
    expect((await picked.take('picked')).allowed).toBe(true);
    expect((await picked.take('picked')).allowed).toBe(false);
  });
});
