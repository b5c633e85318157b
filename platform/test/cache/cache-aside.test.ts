import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCacheAside, createMemoryCache, type Cache } from '@bazaar/platform/cache';

/** A memory cache that remembers the TTL of every write. */
function recordingCache(): Cache & { ttls: number[] } {
  const inner = createMemoryCache();
  const ttls: number[] = [];
  return {
    ...inner,
    ttls,
    setJson: (key, json, ttlMs) => {
      ttls.push(ttlMs);
      return inner.setJson(key, json, ttlMs);
    },
  };
}

/** A cache whose server is gone: every call fails. */
function brokenCache(): Cache {
  const down = () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379'));
  return { get: down, set: down, getJson: down, setJson: down, delete: down, increment: down, check: down, close: async () => {} };
}

function countingLoader<T>(value: T, delayMs = 0) {
  const loader = async () => {
    loader.calls++;
    if (delayMs > 0) await sleep(delayMs);
    return value;
  };
  loader.calls = 0;
  return loader;
}

describe('cache-aside reads', () => {
  it('loads on a miss and serves the cached value afterwards, as JSON text both times', async () => {
    const read = createCacheAside(createMemoryCache(), { ttlMs: 60_000 });
    const load = countingLoader({ name: 'kettle', price: 1999 });
    expect(await read('product:1', load)).toBe('{"name":"kettle","price":1999}');
    expect(await read('product:1', load)).toBe('{"name":"kettle","price":1999}');
    expect(load.calls).toBe(1);
  });

  it('answers a hit with the text stored in the cache, never re-serialized', async () => {
    const cache = createMemoryCache();
    await cache.setJson('product:2', '{ "name": "lamp" }', 60_000);
    const load = countingLoader({ name: 'other' });
    expect(await createCacheAside(cache, { ttlMs: 60_000 })('product:2', load)).toBe('{ "name": "lamp" }');
    expect(load.calls).toBe(0);
  });

  it('calls the loader once for a hundred concurrent misses of one key', async () => {
    const read = createCacheAside(createMemoryCache(), { ttlMs: 60_000 });
    const load = countingLoader({ name: 'kettle' }, 50);
    const results = await Promise.all(Array.from({ length: 100 }, () => read('product:1', load)));
    expect(load.calls).toBe(1);
    expect(results.every((result) => result === '{"name":"kettle"}')).toBe(true);
  });

  it('loads different keys independently', async () => {
    const read = createCacheAside(createMemoryCache(), { ttlMs: 60_000 });
    const load = countingLoader('value', 20);
    await Promise.all([read('a', load), read('b', load), read('a', load)]);
    expect(load.calls).toBe(2);
  });

  it('passes a loader failure to every waiting caller and tries again on the next read', async () => {
    const read = createCacheAside(createMemoryCache(), { ttlMs: 60_000 });
    let calls = 0;
    const failing = async () => {
      calls++;
      await sleep(20);
      throw new Error('database down');
    };
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => read('product:1', failing)));
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(calls).toBe(1);
    expect(await read('product:1', async () => 'recovered')).toBe('"recovered"');
  });

  it('does not cache undefined, so a missing row is looked up again', async () => {
    const read = createCacheAside(createMemoryCache(), { ttlMs: 60_000 });
    const load = countingLoader(undefined);
    expect(await read('product:404', load)).toBeUndefined();
    await read('product:404', load);
    expect(load.calls).toBe(2);
  });

  it('falls back to the loader when the cache cannot be read or written', async () => {
    const read = createCacheAside(brokenCache(), { ttlMs: 60_000 });
    const load = countingLoader({ name: 'kettle' });
    expect(await read('product:1', load)).toBe('{"name":"kettle"}');
    expect(load.calls).toBe(1);
  });
});

describe('cache-aside TTL', () => {
  it('spreads the TTL from ttl × (1 − jitter) to ttl × (1 + jitter)', async () => {
    const lowest = recordingCache();
    await createCacheAside(lowest, { ttlMs: 1000, jitter: 0.2, random: () => 0 })('k', async () => 1);
    const highest = recordingCache();
    await createCacheAside(highest, { ttlMs: 1000, jitter: 0.2, random: () => 0.999_999 })('k', async () => 1);
    expect(lowest.ttls).toEqual([800]);
    expect(highest.ttls[0]).toBeCloseTo(1200, 0);
  });

  it('keeps every TTL within ±10% by default', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), async (r) => {
        const cache = recordingCache();
        await createCacheAside(cache, { ttlMs: 10_000, random: () => r })('k', async () => 'v');
        expect(cache.ttls).toHaveLength(1);
        expect(cache.ttls[0]).toBeGreaterThanOrEqual(9_000);
        expect(cache.ttls[0]).toBeLessThanOrEqual(11_000);
      }),
    );
  });

  it('gives entries filled together different TTLs', async () => {
    const cache = recordingCache();
    const read = createCacheAside(cache, { ttlMs: 60_000 });
    for (let i = 0; i < 20; i++) await read(`product:${i}`, async () => i);
    expect(new Set(cache.ttls).size).toBeGreaterThan(1);
  });
});
