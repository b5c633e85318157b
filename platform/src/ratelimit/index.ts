export type { RateLimiter, RateDecision, BucketOptions } from './rate-limiter.ts';
export { createMemoryRateLimiter } from './memory-rate-limiter.ts';
export { createRedisRateLimiter } from './redis-rate-limiter.ts';
import { createMemoryRateLimiter } from './memory-rate-limiter.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { createRedisRateLimiter } from './redis-rate-limiter.ts';

/** The rate limiter a placement asks for: shared buckets in Redis when a URL is given, otherwise in memory. */
export function openRateLimiter(options: { redisUrl?: string | undefined; prefix: string; capacity: number; refillPerSecond: number }): RateLimiter {
  const { redisUrl, prefix, capacity, refillPerSecond } = options;
  return redisUrl ? createRedisRateLimiter({ url: redisUrl, prefix, capacity, refillPerSecond }) : createMemoryRateLimiter({ capacity, refillPerSecond });
}
