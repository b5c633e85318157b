import { Redis } from 'ioredis';
import type { Cache } from './cache.ts';

/** The cluster placement's cache: Redis, shared by every replica; keys live under `prefix`. */
export function createRedisCache(options: { url: string; prefix: string }): Cache {
  const redis = new Redis(options.url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const k = (key: string) => `${options.prefix}${key}`;
  return {
    async get<T>(key: string) {
      const json = await redis.get(k(key));
      return json === null ? undefined : (JSON.parse(json) as T);
    },
    async set(key, value, ttlMs) {
      await redis.set(k(key), JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async getJson(key) {
      return (await redis.get(k(key))) ?? undefined;
    },
    async setJson(key, json, ttlMs) {
      await redis.set(k(key), json, 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async delete(...keys) {
      if (keys.length > 0) await redis.del(...keys.map(k));
    },
    async increment(key) {
      return redis.incr(k(key));
    },
    async check() {
      await redis.ping();
    },
    async close() {
      await redis.quit();
    },
  };
}
