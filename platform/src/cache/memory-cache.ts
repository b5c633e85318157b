import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.ts';

/** The embedded placement's cache: a bounded LRU in this process. */
export function createMemoryCache(options: { maxEntries?: number } = {}): Cache {
  const lru = new LRUCache<string, { json: string }>({ max: options.maxEntries ?? 10_000 });
  // Counters (namespace versions) live outside the LRU so that filling the cache never evicts one and
  // resurrects entries of an old version; get, set and delete see them as Redis does.
  const counters = new Map<string, number>();
  return {
    async get<T>(key: string) {
      const counter = counters.get(key);
      if (counter !== undefined) return counter as T;
      const entry = lru.get(key);
      // Values are stored serialized so a caller can never mutate what another caller reads.
      return entry === undefined ? undefined : (JSON.parse(entry.json) as T);
    },
    async set(key, value, ttlMs) {
      counters.delete(key);
      lru.set(key, { json: JSON.stringify(value) }, { ttl: Math.max(1, Math.round(ttlMs)) });
    },
    async getJson(key) {
      const counter = counters.get(key);
      if (counter !== undefined) return String(counter);
      return lru.get(key)?.json;
    },
    async setJson(key, json, ttlMs) {
      counters.delete(key);
      lru.set(key, { json }, { ttl: Math.max(1, Math.round(ttlMs)) });
    },
    async delete(...keys) {
      for (const key of keys) {
        lru.delete(key);
        counters.delete(key);
      }
    },
    async increment(key) {
      const entry = lru.get(key);
      if (entry !== undefined) {
        // A value that was set keeps its TTL while it counts on, as INCR does in Redis.
        const current: unknown = JSON.parse(entry.json);
        if (!Number.isSafeInteger(current)) throw new Error(`The cached value of ${key} is not an integer`);
        const next = (current as number) + 1;
        lru.set(key, { json: JSON.stringify(next) }, { noUpdateTTL: true });
        return next;
      }
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      return next;
    },
    async check() {},
    async close() {
      lru.clear();
      counters.clear();
    },
  };
}
