import type { Cache } from './cache.ts';

export interface CacheAsideOptions {
  /** Base time to live in milliseconds. */
  readonly ttlMs: number;
  /** Spread of the TTL (0.1 = ±10%), so that entries filled together do not all expire together. */
  readonly jitter?: number;
  /** Source of randomness, replaceable in tests. */
  readonly random?: () => number;
}

/**
 * Cache-aside reads: a hit returns the cached value; a miss loads once per key no matter how many callers
 * miss at the same time (single flight), stores the value with a jittered TTL, and returns it. A failing
 * cache read or write degrades to the loader instead of failing the request.
 */
export function createCacheAside(cache: Cache, options: CacheAsideOptions) {
  const inFlight = new Map<string, Promise<unknown>>();
  const jitter = options.jitter ?? 0.1;
  const random = options.random ?? Math.random;

  const ttl = () => options.ttlMs * (1 - jitter + 2 * jitter * random());

  return async function read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cached = await cache.get<T>(key).catch(() => undefined);
    if (cached !== undefined) return cached;
    const pending = inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const loading = (async () => {
      try {
        const value = await load();
        if (value !== undefined) await cache.set(key, value, ttl()).catch(() => undefined);
        return value;
      } finally {
        inFlight.delete(key);
      }
    })();
    inFlight.set(key, loading);
    return loading;
  };
}
