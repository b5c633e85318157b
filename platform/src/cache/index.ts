export type { Cache } from './cache.ts';
export { createMemoryCache } from './memory-cache.ts';
export { createRedisCache } from './redis-cache.ts';
export { createCacheAside, type CacheAsideOptions } from './cache-aside.ts';
import { createMemoryCache } from './memory-cache.ts';
import { createRedisCache } from './redis-cache.ts';
import type { Cache } from './cache.ts';

/** The cache a placement asks for: Redis when a URL is given, otherwise in memory. */
export function openCache(options: { redisUrl?: string | undefined; prefix: string }): Cache {
  return options.redisUrl ? createRedisCache({ url: options.redisUrl, prefix: options.prefix }) : createMemoryCache();
}
