import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '@bazaar/platform/cache';

/** A cache made for one test, and how to remove every trace of it afterwards. */
export interface CacheUnderTest {
  readonly cache: Cache;
  dispose(): Promise<void>;
}

/**
 * The behaviour every Cache adapter shares; each adapter's test file runs it, so the embedded and the
 * cluster placements cannot drift apart.
 */
export function describeCacheContract(adapter: string, make: () => Promise<CacheUnderTest>): void {
  describe(`${adapter} honours the cache contract`, () => {
    let subject: CacheUnderTest;
    let cache: Cache;

    beforeEach(async () => {
      subject = await make();
      cache = subject.cache;
      await cache.check();
    });

    afterEach(() => subject.dispose());

    it('answers undefined for a key it never saw', async () => {
      expect(await cache.get('missing')).toBeUndefined();
    });

    it('returns what was set, for every kind of JSON value', async () => {
      const values = { text: 'kettle', number: 12.5, flag: false, empty: null, list: [1, 'two'], nested: { a: { b: [true] } } };
      for (const [key, value] of Object.entries(values)) await cache.set(key, value, 60_000);
      for (const [key, value] of Object.entries(values)) expect(await cache.get(key)).toEqual(value);
    });

    it('replaces a value that is set again', async () => {
      await cache.set('price', 100, 60_000);
      await cache.set('price', 120, 60_000);
      expect(await cache.get('price')).toBe(120);
    });

    it('deletes several keys at once and ignores keys that are not there', async () => {
      await cache.set('a', 1, 60_000);
      await cache.set('b', 2, 60_000);
      await cache.set('c', 3, 60_000);
      await cache.delete('a', 'b', 'never-set');
      await cache.delete();
      expect(await cache.get('a')).toBeUndefined();
      expect(await cache.get('b')).toBeUndefined();
      expect(await cache.get('c')).toBe(3);
    });

    it('forgets a value once its TTL has passed', async () => {
      await cache.set('short', 'lived', 150);
      await cache.set('long', 'lived', 60_000);
      expect(await cache.get('short')).toBe('lived');
      await sleep(600);
      expect(await cache.get('short')).toBeUndefined();
      expect(await cache.get('long')).toBe('lived');
    });

    it('keeps JSON text as given and reads any value back as its JSON text', async () => {
      await cache.setJson('answer', '{ "name": "kettle", "tags": ["kitchen"] }', 60_000);
      expect(await cache.getJson('answer')).toBe('{ "name": "kettle", "tags": ["kitchen"] }');
      expect(await cache.get('answer')).toEqual({ name: 'kettle', tags: ['kitchen'] });
      await cache.set('value', { price: 120 }, 60_000);
      expect(await cache.getJson('value')).toBe('{"price":120}');
      await cache.increment('counter');
      expect(await cache.getJson('counter')).toBe('1');
      expect(await cache.getJson('missing')).toBeUndefined();
    });

    it('forgets JSON text once its TTL has passed', async () => {
      await cache.setJson('short', '"lived"', 150);
      await sleep(600);
      expect(await cache.getJson('short')).toBeUndefined();
    });

    it('hands out copies, so no caller can change what another reads', async () => {
      const product = { name: 'kettle', tags: ['kitchen'] };
      await cache.set('product', product, 60_000);
      product.tags.push('changed after set');
      const first = await cache.get<typeof product>('product');
      first!.tags.push('changed after get');
      expect(await cache.get('product')).toEqual({ name: 'kettle', tags: ['kitchen'] });
    });

    it('counts from 1, per key', async () => {
      expect(await cache.increment('version:products')).toBe(1);
      expect(await cache.increment('version:products')).toBe(2);
      expect(await cache.increment('version:categories')).toBe(1);
    });

    it('increments atomically under concurrency', async () => {
      const values = await Promise.all(Array.from({ length: 50 }, () => cache.increment('hits')));
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('reads a counter back with get, as a namespace version is read', async () => {
      await cache.increment('version:orders');
      await cache.increment('version:orders');
      expect(await cache.get<number>('version:orders')).toBe(2);
    });

    it('starts a counter again after it is deleted', async () => {
      await cache.increment('version:carts');
      await cache.increment('version:carts');
      await cache.delete('version:carts');
      expect(await cache.get('version:carts')).toBeUndefined();
      expect(await cache.increment('version:carts')).toBe(1);
    });

    it('counts on from an integer that was set', async () => {
      await cache.set('stock', 41, 60_000);
      expect(await cache.increment('stock')).toBe(42);
      expect(await cache.get('stock')).toBe(42);
    });

    it('keeps the TTL of a value that counts on', async () => {
      await cache.set('attempts', 1, 150);
      expect(await cache.increment('attempts')).toBe(2);
      await sleep(600);
      expect(await cache.get('attempts')).toBeUndefined();
    });

    it('refuses to increment a value that is not an integer', async () => {
      await cache.set('name', 'kettle', 60_000);
      await expect(cache.increment('name')).rejects.toThrow();
      expect(await cache.get('name')).toBe('kettle');
    });
  });
}
