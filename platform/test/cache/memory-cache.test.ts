import { describe, expect, it } from 'vitest';
import { createMemoryCache, openCache } from '@bazaar/platform/cache';
import { describeCacheContract } from './cache.contract.ts';

describeCacheContract('the in-memory cache', async () => {
  const cache = createMemoryCache();
  return { cache, dispose: () => cache.close() };
});

describe('the in-memory cache', () => {
  it('evicts the least recently used entry past its capacity', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set('a', 1, 60_000);
    await cache.set('b', 2, 60_000);
    await cache.get('a');
    await cache.set('c', 3, 60_000);
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBe(3);
  });

  it('is what openCache gives when no Redis URL is configured', async () => {
    const cache = openCache({ prefix: 'unused:' });
    await cache.set('k', 'v', 60_000);
    expect(await cache.get('k')).toBe('v');
    await cache.close();
  });
});
