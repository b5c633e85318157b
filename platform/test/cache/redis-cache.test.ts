import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisCache, openCache } from '@bazaar/platform/cache';
import { testRedisUrl } from '@bazaar/platform/testing';
import { describeCacheContract } from './cache.contract.ts';

// Runs against the real server whatever the environment: an unreachable Redis fails these tests.
const url = testRedisUrl();
const admin = new Redis(url, { maxRetriesPerRequest: 1 });
afterAll(() => admin.quit());

const uniquePrefix = () => `bazaar-test:platform:${randomUUID()}:`;

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of admin.scanStream({ match: `${prefix}*`, count: 100 })) keys.push(...(batch as string[]));
  return keys;
}

async function deleteUnder(prefix: string): Promise<void> {
  const keys = await keysUnder(prefix);
  if (keys.length > 0) await admin.del(...keys);
}

describeCacheContract('the Redis cache', async () => {
  const prefix = uniquePrefix();
  const cache = createRedisCache({ url, prefix });
  return {
    cache,
    async dispose() {
      await cache.close();
      await deleteUnder(prefix);
    },
  };
});

describe('the Redis cache', () => {
  it('keeps its keys under its prefix, with the TTL it was given', async () => {
    const prefix = uniquePrefix();
    const cache = createRedisCache({ url, prefix });
    try {
      await cache.set('product:1', { name: 'kettle' }, 30_000);
      expect(await keysUnder(prefix)).toEqual([`${prefix}product:1`]);
      const ttl = await admin.pttl(`${prefix}product:1`);
      expect(ttl).toBeGreaterThan(25_000);
      expect(ttl).toBeLessThanOrEqual(30_000);
    } finally {
      await cache.close();
      await deleteUnder(prefix);
    }
  });

  it('shares entries between replicas with the same prefix and none across prefixes', async () => {
    const prefix = uniquePrefix();
    const replicaA = createRedisCache({ url, prefix });
    const replicaB = openCache({ redisUrl: url, prefix });
    const otherService = createRedisCache({ url, prefix: uniquePrefix() });
    try {
      await replicaA.set('cart:1', ['sku_1'], 60_000);
      expect(await replicaB.get('cart:1')).toEqual(['sku_1']);
      expect(await otherService.get('cart:1')).toBeUndefined();
    } finally {
      await Promise.all([replicaA.close(), replicaB.close(), otherService.close()]);
      await deleteUnder(prefix);
    }
  });
});
