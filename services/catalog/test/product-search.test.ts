import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category, Product } from '@bazaar/catalog/contract';
import { newProductBody, startCatalogFixture, type CatalogFixture } from './support/catalog.fixture.ts';

let fixture: CatalogFixture;
let lighting: Category;
beforeAll(async () => {
  fixture = await startCatalogFixture();
  const created = await fixture.request('POST', '/api/categories', { token: fixture.adminToken, body: { slug: 'lighting', name: 'Lighting' } });
  lighting = created.json<Category>();
});
afterAll(() => fixture.close());

async function create(overrides: Record<string, unknown>): Promise<Product> {
  const response = await fixture.request('POST', '/api/products', { token: fixture.adminToken, body: newProductBody(lighting.id, overrides) });
  expect(response.statusCode).toBe(201);
  return response.json<Product>();
}

const search = async (q: string, extra = '') => fixture.page(`?q=${encodeURIComponent(q)}${extra}`);

describe('searching products', () => {
  it('ranks a match in the name above a match only in the description', async () => {
    // The name match is created first, so only relevance (not recency) can put it on top.
    const named = await create({ name: 'Zephyrine Reading Lamp', description: 'A lamp for long evenings.' });
    const described = await create({ name: 'Plain Reading Lamp', description: 'Its shade is dyed a zephyrine blue.' });
    const { items } = await search('zephyrine');
    expect(items.map((p) => p.id)).toEqual([named.id, described.id]);
  });

  it('finds words in their other forms', async () => {
    const { items } = await search('lamps');
    expect(items.some((p) => p.name === 'Zephyrine Reading Lamp')).toBe(true);
  });

  it('requires every word, and understands quotes, OR and minus', async () => {
    expect((await search('wireless headphones')).items.every((p) => /wireless/i.test(`${p.name} ${p.description}`) && /headphone/i.test(`${p.name} ${p.description}`))).toBe(true);
    expect((await search('"reading lamp" -plain')).items.map((p) => p.name)).toEqual(['Zephyrine Reading Lamp']);
    const either = (await search('zephyrine or kettle', '&limit=100')).items;
    expect(either.some((p) => /kettle/i.test(p.name))).toBe(true);
    expect(either.some((p) => /zephyrine/i.test(p.name))).toBe(true);
  });

  it('searches within a category and a price range', async () => {
    const { items } = await search('lamp', '&category=lighting&maxPrice=100000');
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((p) => p.category.slug === 'lighting')).toBe(true);
  });

  it('can order matches by price instead of relevance', async () => {
    const { items } = await search('coffee', '&sort=price_asc&limit=100');
    expect(items.length).toBeGreaterThan(1);
    expect(items.map((p) => p.priceMinor)).toEqual([...items.map((p) => p.priceMinor)].sort((a, b) => a - b));
  });

  it('treats an empty or blank query as no search at all', async () => {
    const all = await fixture.page('?limit=10');
    expect(await fixture.page('?q=&limit=10')).toEqual(all);
    expect(await fixture.page(`?q=${encodeURIComponent('   ')}&limit=10`)).toEqual(all);
  });

  it('finds nothing, without an error, for words too common to search', async () => {
    expect(await search('the and of')).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    `'":*&|!()<>`,
    "' OR 1=1 --",
    'lamp:* & !',
    '((((',
    '<-> <2> !!',
    '\\',
    '%_%',
    '"unterminated',
    'lamp\'s',
    '🔦 lamp',
    'Ω≈ç√∫',
    '-',
    'or',
  ])('answers hostile or odd input %j with a page, never an error', async (q) => {
    const response = await fixture.request('GET', `/api/products?q=${encodeURIComponent(q)}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: expect.any(Array), nextCursor: expect.toSatisfy((c: unknown) => c === null || typeof c === 'string') });
  });

  it('refuses search text longer than 200 characters with 400 problem+json', async () => {
    const response = await fixture.request('GET', `/api/products?q=${'lamp '.repeat(41)}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'PLATFORM.VALIDATION', errors: [{ path: 'querystring.q' }] });
  });

  it('refuses control characters in search text with 400 problem+json', async () => {
    const response = await fixture.request('GET', '/api/products?q=lamp%00');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.VALIDATION' });
  });

  it('refuses a repeated search parameter rather than guessing which one was meant', async () => {
    const response = await fixture.request('GET', '/api/products?q=lamp&q=kettle');
    expect(response.statusCode).toBe(400);
  });
});
