import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.ts';

/** The embedded placement's cache: a bounded LRU in this process. */
export function createMemoryCache(options: { maxEntries?: number } = {}): Cache {
  const lru = new LRUCache<string, { json: string }>({ max: options.maxEntries ?? 10_000 });
  const counters = new Map<string, number>();
  return {
    async get<T>(key: string) {
      const entry = lru.get(key);
      // Values are stored serialized so a caller can never mutate what another caller reads.
      return entry === undefined ? undefined : (JSON.parse(entry.json) as T);
    },
    async set(key, value, ttlMs) {
      lru.set(key, { json: JSON.stringify(value) }, { ttl: Math.max(1, Math.round(ttlMs)) });
    },
    async delete(...keys) {
      for (const key of keys) lru.delete(key);
    },
    async increment(key) {
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      return next;
    },
    async check() {},
    async close() {
      lru.clear();
    },
  };
}
