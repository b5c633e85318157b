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
 * Cache-aside reads answered as JSON text: a hit returns the stored text unparsed (an HTTP answer sends it as it
 * is, with no parse and no serialization); a miss loads once per key no matter how many callers miss at the same
 * time (single flight), stores the value's JSON with a jittered TTL, and returns that text. A loader that finds
 * nothing (undefined) is not cached, and the answer is undefined. A failing cache read or write degrades to the
 * loader instead of failing the request.
 */
export function createCacheAside(cache: Cache, options: CacheAsideOptions) {
  const inFlight = new Map<string, Promise<string | undefined>>();
  const jitter = options.jitter ?? 0.1;
  const random = options.random ?? Math.random;

  const ttl = () => options.ttlMs * (1 - jitter + 2 * jitter * random());

  return async function read(key: string, load: () => Promise<unknown>): Promise<string | undefined> {
    const cached = await cache.getJson(key).catch(() => undefined);
    if (cached !== undefined) return cached;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const loading = (async () => {
      try {
        const value = await load();
        if (value === undefined) return undefined;
        const json = JSON.stringify(value);
        await cache.setJson(key, json, ttl()).catch(() => undefined);
        return json;
      } finally {
        inFlight.delete(key);
      }
    })();
    inFlight.set(key, loading);
    return loading;
  };
}
