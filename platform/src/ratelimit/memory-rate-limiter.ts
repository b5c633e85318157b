import { LRUCache } from 'lru-cache';
import { assertBucket, assertCost, type BucketOptions, type RateLimiter } from './rate-limiter.ts';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets in this process (the embedded placement). The map is a bounded LRU: a bucket evicted under
 * pressure comes back full, which errs towards letting a rarely seen client through rather than growing
 * without limit.
 */
export function createMemoryRateLimiter(options: BucketOptions & { maxKeys?: number; now?: () => number }): RateLimiter {
  assertBucket(options);
  const { capacity, refillPerSecond } = options;
  const now = options.now ?? Date.now;
  const perMs = refillPerSecond / 1000;
  const buckets = new LRUCache<string, Bucket>({ max: options.maxKeys ?? 100_000 });
  return {
    capacity,
    refillPerSecond,
    async take(key, cost = 1) {
      assertCost(cost, capacity);
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at };
      const tokens = Math.min(capacity, bucket.tokens + Math.max(0, at - bucket.at) * perMs);
      const allowed = tokens >= cost;
      const left = allowed ? tokens - cost : tokens;
      buckets.set(key, { tokens: left, at });
      return { allowed, remaining: Math.floor(left), retryAfterMs: allowed ? 0 : Math.ceil((cost - left) / perMs) };
    },
    async check() {},
    async close() {
      buckets.clear();
    },
  };
}
