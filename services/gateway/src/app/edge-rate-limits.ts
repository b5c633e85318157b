import { AppError, PlatformErrors } from '@bazaar/platform/errors';
import { openRateLimiter, type RateDecision, type RateLimiter } from '@bazaar/platform/ratelimit';
import type { Logger } from '@bazaar/platform/telemetry';
import type { GatewayConfig } from './gateway.config.ts';

/** The headers a rate-limited response carries (IETF RateLimit header fields draft). */
function rateLimitHeaders(limiter: RateLimiter, decision: RateDecision): Record<string, string> {
  const missing = limiter.capacity - decision.remaining;
  return {
    'ratelimit-limit': String(limiter.capacity),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(Math.ceil(missing / limiter.refillPerSecond)),
  };
}

/** Per-client-IP and per-user token buckets at the edge. */
export interface EdgeRateLimits {
  /** Takes a token for `key`; throws 429 PLATFORM.RATE_LIMITED when the bucket is empty, returns headers otherwise. */
  byIp(ip: string): Promise<Record<string, string>>;
  byUser(userId: string): Promise<Record<string, string>>;
  check(): Promise<void>;
  close(): Promise<void>;
}

export function createEdgeRateLimits(config: GatewayConfig, redisUrl: string | undefined, logger: Logger): EdgeRateLimits {
  const prefix = config.GATEWAY_RATE_LIMIT_PREFIX;
  const ip = openRateLimiter({
    redisUrl,
    prefix: `${prefix}ip:`,
    capacity: config.GATEWAY_RATE_LIMIT_IP_CAPACITY,
    refillPerSecond: config.GATEWAY_RATE_LIMIT_IP_REFILL_PER_SECOND,
  });
  const user = openRateLimiter({
    redisUrl,
    prefix: `${prefix}user:`,
    capacity: config.GATEWAY_RATE_LIMIT_USER_CAPACITY,
    refillPerSecond: config.GATEWAY_RATE_LIMIT_USER_REFILL_PER_SECOND,
  });

  async function take(limiter: RateLimiter, key: string, what: string): Promise<Record<string, string>> {
    let decision: RateDecision;
    try {
      decision = await limiter.take(key);
    } catch (error) {
      // Failing open: losing the limiter's store must not take the whole API down with it.
      logger.warn({ err: error }, 'rate limiter unavailable; letting the request through');
      return {};
    }
    const headers = rateLimitHeaders(limiter, decision);
    if (!decision.allowed) {
      const retryAfter = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
      throw new AppError(PlatformErrors.RATE_LIMITED, `Too many requests from this ${what}; retry in ${retryAfter} s`, {
        headers: { ...headers, 'retry-after': retryAfter },
      });
    }
    return headers;
  }

  return {
    byIp: (address) => take(ip, address, 'address'),
    byUser: (userId) => take(user, userId, 'user'),
    async check() {
      await Promise.all([ip.check(), user.check()]);
    },
    async close() {
      await Promise.all([ip.close(), user.close()]);
    },
  };
}
