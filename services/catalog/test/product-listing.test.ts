import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import type { Product, ProductPage } from '@bazaar/catalog/contract';
import { newProductBody, startCatalogFixture, type CatalogFixture } from './support/catalog.fixture.ts';

let fixture: CatalogFixture;
beforeAll(async () => {
  fixture = await startCatalogFixture();
});
afterAll(() => fixture.close());

/** Reads every page of a listing, following nextCursor, and returns the items in the order served. */
async function readAll(query: string, limit = 100): Promise<Product[]> {
  const items: Product[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: ProductPage = await fixture.page(`?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (++pages > 1000) throw new Error('the listing never ends');
  } while (cursor);
  return items;
}

async function idsInOrder(orderBy: string, where = 'true', params: unknown[] = []): Promise<string[]> {
  const { rows } = await fixture.sql.query<{ id: string }>(
    `SELECT p.id FROM products p JOIN categories c ON c.id = p.category_id WHERE ${where} ORDER BY ${orderBy}`,
    params,
  );
  return rows.map((r) => r.id);
}

const ORDERS = {
  newest: 'p.id DESC',
  price_asc: 'p.price_minor ASC, p.id ASC',
  price_desc: 'p.price_minor DESC, p.id DESC',
  name: 'p.name ASC, p.id ASC',
} as const;

describe('paging through products', () => {
  it.each(Object.entries(ORDERS))('serves every product exactly once, in %s order', async (sort, orderBy) => {
    const served = await readAll(`sort=${sort}`, 97);
    expect(new Set(served.map((p) => p.id)).size).toBe(served.length);
    expect(served.map((p) => p.id)).toEqual(await idsInOrder(orderBy));
  });

  it('serves every search match exactly once, by relevance', async () => {
    const q = 'made';
    const served = await readAll(`q=${q}`, 25);
    const expected = await idsInOrder(
      "round(ts_rank_cd(p.search, websearch_to_tsquery('english', $1))::numeric, 6) DESC, p.id DESC",
      "p.search @@ websearch_to_tsquery('english', $1)",
      [q],
    );
    expect(expected.length).toBeGreaterThan(50);
    expect(served.map((p) => p.id)).toEqual(expected);
  });

  it('orders by newest when nothing is searched, 24 to a page', async () => {
    const page = await fixture.page('');
    expect(page.items).toHaveLength(24);
    expect(page.items.map((p) => p.id)).toEqual((await idsInOrder(ORDERS.newest)).slice(0, 24));
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('ends with a null cursor on the last page', async () => {
    const books = (await fixture.categories()).find((c) => c.slug === 'books')!;
    const only = await fixture.page('?category=books&limit=100');
    expect(only.items).toHaveLength(books.productCount);
    expect(only.nextCursor).toBeNull();
  });

  it('keeps its place when products are added between two pages', async () => {
    const category = (await fixture.categories())[0]!;
    const first = await fixture.page('?sort=price_asc&limit=50');
    const boundary = first.items.at(-1)!.priceMinor;
    const create = (priceMinor: number) =>
      fixture.request('POST', '/api/products', { token: fixture.adminToken, body: newProductBody(category.id, { priceMinor, sku: undefined }) });
    const cheaper = (await create(Math.max(0, boundary - 1))).json<Product>();
    const dearer = (await create(boundary + 1)).json<Product>();
    await fixture.request('POST', '/api/products', { token: fixture.adminToken, body: newProductBody(category.id) });

    const rest: Product[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await fixture.page(`?sort=price_asc&limit=100&cursor=${cursor}`);
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    const seen = [...first.items, ...rest].map((p) => p.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(rest.map((p) => p.id)).not.toContain(cheaper.id);
    expect(rest.filter((p) => p.id === dearer.id)).toHaveLength(1);
    expect(seen.length).toBe((await fixture.countProducts()) - 1);
  });
});

describe('filtering products', () => {
  it('by category slug or id, serving exactly the products of that category', async () => {
    const books = (await fixture.categories()).find((c) => c.slug === 'books')!;
    const bySlug = await readAll('category=books');
    const byId = await readAll(`category=${books.id}`);
    expect(bySlug.length).toBe(books.productCount);
    expect(bySlug.every((p) => p.category.slug === 'books')).toBe(true);
    expect(byId.map((p) => p.id)).toEqual(bySlug.map((p) => p.id));
  });

  it('by category regardless of letter case', async () => {
    expect((await fixture.page('?category=BOOKS&limit=5')).items.every((p) => p.category.slug === 'books')).toBe(true);
  });

  it('to nothing for a category that does not exist', async () => {
    expect(await fixture.page('?category=no-such-thing')).toEqual({ items: [], nextCursor: null });
  });

  it('by price range, bounds included', async () => {
    const inRange = await readAll('minPrice=1000&maxPrice=2999&sort=price_asc');
    expect(inRange.length).toBe((await idsInOrder('p.id', 'p.price_minor BETWEEN 1000 AND 2999')).length);
    expect(inRange.every((p) => p.priceMinor >= 1000 && p.priceMinor <= 2999)).toBe(true);
    const exact = inRange[0]!.priceMinor;
    expect((await fixture.page(`?minPrice=${exact}&maxPrice=${exact}`)).items.every((p) => p.priceMinor === exact)).toBe(true);
  });

  it('by category, price and search together', async () => {
    const items = await readAll('q=warranty&category=electronics&maxPrice=10000');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((p) => p.category.slug === 'electronics' && p.priceMinor <= 10000 && /warranty/i.test(p.description))).toBe(true);
  });
});

describe('a listing request that cannot be served', () => {
  it.each([
    ['a cursor that was never issued', '?cursor=bm9wZQ', 'CATALOG.INVALID_CURSOR'],
    ['a cursor issued for another order', `?sort=name&cursor=${Buffer.from(JSON.stringify([1, 'newest', newId('prd')])).toString('base64url')}`, 'CATALOG.INVALID_CURSOR'],
    ['a price range that is upside down', '?minPrice=500&maxPrice=100', 'PLATFORM.VALIDATION'],
    ['a negative price', '?minPrice=-1', 'PLATFORM.VALIDATION'],
    ['a price that is not a number', '?maxPrice=cheap', 'PLATFORM.VALIDATION'],
    ['a page of none', '?limit=0', 'PLATFORM.VALIDATION'],
    ['a page of more than a hundred', '?limit=101', 'PLATFORM.VALIDATION'],
    ['an unknown order', '?sort=popularity', 'PLATFORM.VALIDATION'],
    ['a category that cannot be a slug or an id', '?category=books%3BDROP', 'PLATFORM.VALIDATION'],
  ])('is refused with 400 problem+json: %s', async (_why, query, code) => {
    const response = await fixture.request('GET', `/api/products${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code });
  });
});

describe('a single product', () => {
  it('is served with its category, price and attributes', async () => {
    const listed = (await fixture.page('?category=books&limit=1')).items[0]!;
    const product = await fixture.product(listed.id);
    expect(product).toEqual(listed);
    expect(product).toMatchObject({
      sku: expect.stringMatching(/^sku_bok-\d{4}$/),
      category: { slug: 'books', name: 'Books' },
      currency: 'USD',
      version: 1,
      attributes: { author: expect.any(String), pages: expect.any(Number) },
    });
  });

  it.each([
    ['an id no product has', newId('prd')],
    ['an id of another entity', newId('cat')],
    ['text that is not an id', 'lamp'],
    ['an id with an injection attempt', "prd_x' OR '1'='1"],
    ['an id in upper case', newId('prd').toUpperCase()],
  ])('is not found for %s, as 404 problem+json', async (_why, id) => {
    const response = await fixture.request('GET', `/api/products/${encodeURIComponent(id)}`);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'CATALOG.PRODUCT_NOT_FOUND' });
  });
});
