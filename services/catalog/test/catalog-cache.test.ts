import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedisUrl } from '@bazaar/platform/testing';
import type { Product, ProductPage } from '@bazaar/catalog/contract';
import { newProductBody, startCatalogFixture, type CatalogFixture } from './support/catalog.fixture.ts';

// Runs against the real server whatever the environment: an unreachable Redis fails these tests.
const redisUrl = testRedisUrl();
const admin = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
afterAll(() => admin.quit());

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of admin.scanStream({ match: `${prefix}*`, count: 100 })) keys.push(...(batch as string[]));
  return keys;
}

const engines = [
  { engine: 'the in-memory cache', redis: false },
  { engine: 'Redis', redis: true },
];

describe.each(engines)('reads through $engine', ({ redis }) => {
  const prefix = `bazaar-test:catalog:${randomUUID()}:`;
  let fixture: CatalogFixture;
  beforeAll(async () => {
    fixture = await startCatalogFixture({ env: { CATALOG_CACHE_PREFIX: prefix }, ...(redis && { redisUrl }) });
  });
  afterAll(async () => {
    await fixture.close();
    const keys = await keysUnder(prefix);
    if (keys.length > 0) await admin.del(...keys);
  });

  const firstProduct = async () => (await fixture.page('?sort=name&limit=1')).items[0]!;
  const changePrice = async (id: string, priceMinor: number) => {
    const response = await fixture.request('PATCH', `/api/products/${id}`, { token: fixture.adminToken, body: { priceMinor } });
    expect(response.statusCode).toBe(200);
  };

  it('answer a second read of a product from the cache', async () => {
    const { id } = await firstProduct();
    const [hits, misses] = [await fixture.cacheCount('hits', 'product'), await fixture.cacheCount('misses', 'product')];
    const first = await fixture.product(id);
    expect(await fixture.cacheCount('misses', 'product')).toBe(misses + 1);
    const second = await fixture.product(id);
    expect(second).toEqual(first);
    expect(await fixture.cacheCount('hits', 'product')).toBe(hits + 1);
    expect(await fixture.cacheCount('misses', 'product')).toBe(misses + 1);
  });

  it('publish hits and misses on /metrics', async () => {
    const metrics = (await fixture.request('GET', '/metrics')).body;
    expect(metrics).toMatch(/^catalog_cache_hits_total\{kind="product",service="catalog"\} [1-9]/m);
    expect(metrics).toMatch(/^catalog_cache_misses_total\{kind="product",service="catalog"\} [1-9]/m);
  });

  it('answer a repeated listing from the cache', async () => {
    const query = '?category=garden&sort=price_desc&limit=7';
    const hits = await fixture.cacheCount('hits', 'listing');
    const first = await fixture.page(query);
    expect(await fixture.page(query)).toEqual(first);
    expect(await fixture.cacheCount('hits', 'listing')).toBe(hits + 1);
  });

  it('show a new price in the product and in listings at once after an update', async () => {
    const product = await firstProduct();
    const listing = `?q=${encodeURIComponent(product.name)}&limit=100`;
    await fixture.product(product.id);
    await fixture.product(product.id);
    const before = await fixture.page(listing);
    expect(before.items.find((p) => p.id === product.id)?.priceMinor).toBe(product.priceMinor);

    const misses = await fixture.cacheCount('misses', 'product');
    const newPrice = product.priceMinor + 101;
    await changePrice(product.id, newPrice);

    expect((await fixture.product(product.id)).priceMinor).toBe(newPrice);
    expect(await fixture.cacheCount('misses', 'product')).toBe(misses + 1);
    expect((await fixture.page(listing)).items.find((p) => p.id === product.id)?.priceMinor).toBe(newPrice);
    expect((await fixture.page('?sort=name&limit=1')).items[0]!.priceMinor).toBe(newPrice);
  });

  it('stop serving a product as soon as it is deleted', async () => {
    const created = await fixture.request('POST', '/api/products', { token: fixture.adminToken, body: newProductBody((await fixture.categories())[0]!.id) });
    const product = created.json<Product>();
    await fixture.product(product.id);
    expect((await fixture.page('?limit=1')).items[0]!.id).toBe(product.id);
    await fixture.request('DELETE', `/api/products/${product.id}`, { token: fixture.adminToken });
    expect((await fixture.request('GET', `/api/products/${product.id}`)).statusCode).toBe(404);
    expect((await fixture.page('?limit=1')).items[0]!.id).not.toBe(product.id);
  });

  it('count a new product in its category at once', async () => {
    const category = (await fixture.categories()).find((c) => c.slug === 'office')!;
    await fixture.categories();
    await fixture.request('POST', '/api/products', { token: fixture.adminToken, body: newProductBody(category.id) });
    expect((await fixture.categories()).find((c) => c.id === category.id)!.productCount).toBe(category.productCount + 1);
  });

  if (redis) {
    it('keep every key under the service prefix', async () => {
      await fixture.product((await firstProduct()).id);
      const keys = await keysUnder(prefix);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.some((k) => k.startsWith(`${prefix}product:prd_`))).toBe(true);
      expect(keys).toContain(`${prefix}products:version`);
    });

    it('let a change on one replica invalidate what another replica cached', async () => {
      const other = await fixture.startReplica();
      const product = await firstProduct();
      const read = async (url: string) => (await other.app.inject({ method: 'GET', url })).json<Product & ProductPage>();
      await read(`/api/products/${product.id}`);
      await read('/api/products?sort=name&limit=1');

      const newPrice = product.priceMinor + 7;
      await changePrice(product.id, newPrice);

      expect((await read(`/api/products/${product.id}`)).priceMinor).toBe(newPrice);
      expect((await read('/api/products?sort=name&limit=1')).items[0]!.priceMinor).toBe(newPrice);
    });
  }
});
