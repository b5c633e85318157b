import { Redis } from 'ioredis';
import { assertBucket, assertCost, type BucketOptions, type RateLimiter } from './rate-limiter.ts';

/**
 * One atomic step of the bucket: refill by elapsed time, take if possible, store, and expire the key once
 * it would be full again (a full bucket and a missing key mean the same). The clock is Redis's own TIME,
 * so every gateway replica agrees on elapsed time regardless of its own clock.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local allowed = 0
local retryAfter = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retryAfter = math.ceil((cost - tokens) / perMs)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
return { allowed, tostring(tokens), retryAfter }
`;

type TakeCommand = (key: string, capacity: number, perMs: number, cost: number) => Promise<[number, string, number]>;

/** Token buckets in Redis (cluster placement): every gateway replica shares them; keys live under `prefix`. */
export function createRedisRateLimiter(options: BucketOptions & { url: string; prefix: string; commandTimeoutMs?: number }): RateLimiter {
  assertBucket(options);
  const { capacity, refillPerSecond } = options;
  const perMs = refillPerSecond / 1000;
  const redis = new Redis(options.url, {
    maxRetriesPerRequest: 1,
    // A slow Redis must not stall every request; callers decide what a failed take means.
    commandTimeout: options.commandTimeoutMs ?? 1_000,
  });
  redis.defineCommand('bazaarTakeTokens', { numberOfKeys: 1, lua: TAKE_SCRIPT });
  const takeTokens = (redis as unknown as { bazaarTakeTokens: TakeCommand }).bazaarTakeTokens.bind(redis);
  return {
    capacity,
    refillPerSecond,
    async take(key, cost = 1) {
      assertCost(cost, capacity);
      const [allowed, tokens, retryAfterMs] = await takeTokens(`${options.prefix}${key}`, capacity, perMs, cost);
      return { allowed: allowed === 1, remaining: Math.floor(Number(tokens)), retryAfterMs };
    },
    async check() {
      await redis.ping();
    },
    async close() {
      await redis.quit();
    },
  };
}
