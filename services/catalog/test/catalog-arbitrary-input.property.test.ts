import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isId } from '@bazaar/platform/ids';
import { ProductLimits, TextPatterns, type Category, type ProductPage } from '@bazaar/catalog/contract';
import { isKnownCurrency } from '../src/domain/product.rules.ts';
import { encodeCursor } from '../src/domain/cursor.codec.ts';
import { startCatalogFixture, type CatalogFixture } from './support/catalog.fixture.ts';

let fixture: CatalogFixture;
let categories: Category[];
const takenSkus = new Set(['sku_elc-0001', 'sku_bok-0002']);
beforeAll(async () => {
  fixture = await startCatalogFixture();
  categories = await fixture.categories();
});
afterAll(() => fixture.close());

const codePoints = (value: string) => [...value].length;
const singleLine = new RegExp(TextPatterns.singleLine, 'u');
const multiLine = new RegExp(TextPatterns.multiLine, 'u');
const isText = (value: unknown, max: number, pattern = multiLine): value is string =>
  typeof value === 'string' && codePoints(value) <= max && pattern.test(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether catalog must accept attributes, written out from the documented limits. */
function validAttributes(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const entries = Object.entries(value);
  if (entries.length > ProductLimits.attributeMaxCount) return false;
  const fits = entries.every(([key, v]) => {
    if (!new RegExp(ProductLimits.attributeKeyPattern).test(key)) return false;
    if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return true;
    if (typeof v === 'string') return isText(v, ProductLimits.attributeStringMaxLength);
    return Array.isArray(v) && v.length <= ProductLimits.attributeListMaxItems && v.every((item) => isText(item, ProductLimits.attributeListItemMaxLength));
  });
  return fits && Buffer.byteLength(JSON.stringify(value)) <= ProductLimits.attributesMaxBytes;
}

/** Whether catalog must create the product: shape, limits, a real currency, an existing category and a free SKU. */
function creatable(body: unknown): boolean {
  if (!isPlainObject(body)) return false;
  const allowed = new Set(['sku', 'name', 'description', 'categoryId', 'priceMinor', 'currency', 'attributes']);
  if (!Object.keys(body).every((k) => allowed.has(k))) return false;
  const { sku, name, description, categoryId, priceMinor, currency, attributes } = body;
  if (!isText(name, ProductLimits.nameMaxLength, singleLine)) return false;
  if (description !== undefined && !isText(description, ProductLimits.descriptionMaxLength)) return false;
  if (typeof categoryId !== 'string' || !categories.some((c) => c.id === categoryId)) return false;
  if (typeof priceMinor !== 'number' || !Number.isInteger(priceMinor) || priceMinor < 0 || priceMinor > ProductLimits.priceMaxMinor) return false;
  if (typeof currency !== 'string' || !isKnownCurrency(currency)) return false;
  if (sku !== undefined && (typeof sku !== 'string' || !/^sku_[a-z0-9]+(?:-[a-z0-9]+)*$/.test(sku) || sku.length < 5 || sku.length > 64 || takenSkus.has(sku))) return false;
  return attributes === undefined || validAttributes(attributes);
}

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom('', ' ', 'Lamp\u0000', 'Lamp\nShade', 'x'.repeat(201), `'":*&|!()<>`),
);
const attributeValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.array(text, { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }));
const attributes = fc.oneof(
  fc.dictionary(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,8}$/), attributeValue, { maxKeys: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), attributeValue, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const productLike = fc
  .tuple(
    fc.record(
      {
        sku: fc.oneof(fc.stringMatching(/^sku_[a-z0-9]{3,12}(-[a-z0-9]{1,6})?$/), fc.constantFrom(...takenSkus), text),
        name: fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), text, fc.jsonValue({ maxDepth: 1 })),
        description: fc.oneof(fc.lorem({ maxCount: 12 }), text),
        categoryId: fc.oneof(fc.constant('__known__'), fc.constant('cat_01jd3x00000000000000000000'), text),
        priceMinor: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer(), fc.double(), fc.constant(10_000_000_001), text),
        currency: fc.oneof(fc.constantFrom('USD', 'EUR', 'JPY', 'ZZZ', 'usd'), fc.stringMatching(/^[A-Z]{3}$/), text),
        attributes,
      },
      { requiredKeys: [] },
    ),
    fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), { nil: undefined }),
    fc.nat(),
  )
  .map(([fields, extra, pick]) => {
    const body: Record<string, unknown> = { ...extra, ...fields };
    if (body['categoryId'] === '__known__') body['categoryId'] = categories[pick % categories.length]!.id;
    return body;
  });
const anyJson = fc.oneof(fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })));
const validAttributeValue = fc.oneof(fc.lorem({ maxCount: 3 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.array(fc.lorem({ maxCount: 1 }), { maxLength: 4 }));
const validProduct = fc
  .record(
    {
      sku: fc.stringMatching(/^sku_[a-z0-9]{4,12}(-[a-z0-9]{1,6})?$/),
      name: fc.oneof(fc.lorem({ maxCount: 4 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((n) => singleLine.test(n))),
      description: fc.lorem({ mode: 'sentences', maxCount: 3 }),
      categoryId: fc.constant('__known__'),
      priceMinor: fc.integer({ min: 0, max: 10_000_000 }),
      currency: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY'),
      attributes: fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,10}$/), validAttributeValue, { maxKeys: 6 }),
    },
    { requiredKeys: ['name', 'categoryId', 'priceMinor', 'currency'] },
  )
  .chain((body) => fc.nat().map((pick) => ({ ...body, categoryId: categories[pick % categories.length]!.id })));
/** A valid body with one member replaced by something else: the boundary where validation must hold. */
const oneFieldWrong = fc
  .tuple(validProduct, fc.constantFrom('sku', 'name', 'description', 'categoryId', 'priceMinor', 'currency', 'attributes', 'extra'), fc.oneof(text, attributes, fc.jsonValue({ maxDepth: 1 })))
  .map(([body, field, value]) => ({ ...body, [field]: value }));

describe('whatever an administrator sends to create a product', () => {
  it('never fails with a 5xx, and a product is written exactly when the body is valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(validProduct, oneFieldWrong, productLike, anyJson), async (body) => {
        const before = await fixture.countProducts();
        const response = await fixture.request('POST', '/api/products', { token: fixture.adminToken, body });
        expect(response.statusCode).toBeLessThan(500);
        expect({ created: response.statusCode === 201, body }).toEqual({ created: creatable(body), body });
        if (response.statusCode === 201) {
          takenSkus.add(response.json<{ sku: string }>().sku);
        } else {
          expect(response.headers['content-type']).toContain('application/problem+json');
        }
        expect(await fixture.countProducts()).toBe(before + (response.statusCode === 201 ? 1 : 0));
      }),
      { numRuns: 150 },
    );
  });
});

describe('whatever an administrator sends to change a product', () => {
  it('never fails with a 5xx, and the product changes only when the answer is 200', async () => {
    const target = (await fixture.page('?sort=name&limit=1')).items[0]!;
    await fc.assert(
      fc.asyncProperty(fc.oneof(validProduct, oneFieldWrong, productLike, anyJson), async (body) => {
        const before = await fixture.product(target.id);
        const response = await fixture.request('PATCH', `/api/products/${target.id}`, { token: fixture.adminToken, body });
        expect(response.statusCode).toBeLessThan(500);
        const after = await fixture.product(target.id);
        if (response.statusCode === 200) expect(after.version).toBe(before.version + 1);
        else expect(after).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});

const queryValue = fc.oneof(
  text,
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('relevance', 'newest', 'price_asc', 'price_desc', 'name', 'books', 'BOOKS', '0', '-1', '1e3', '100', '24', 'true', 'null'),
  fc.string({ unit: 'binary', maxLength: 300 }),
);
const listQuery = fc.tuple(
  fc.record(
    {
      q: fc.oneof(queryValue, fc.lorem({ maxCount: 3 })),
      category: queryValue,
      minPrice: queryValue,
      maxPrice: queryValue,
      sort: queryValue,
      limit: queryValue,
      cursor: fc.oneof(queryValue, fc.base64String({ maxLength: 60 })),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
);

describe('whatever a shopper asks the product listing', () => {
  it('answers 200 with a page that honours the filters, or 400 problem+json, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(listQuery, async ([known, extra]) => {
        const params = new URLSearchParams({ ...extra, ...known });
        const response = await fixture.request('GET', `/api/products?${params}`);
        expect([200, 400]).toContain(response.statusCode);
        if (response.statusCode === 400) {
          expect(response.headers['content-type']).toContain('application/problem+json');
          return;
        }
        const page = response.json<ProductPage>();
        const limit = known.limit === undefined ? 24 : Number(known.limit);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        if (known.minPrice !== undefined) expect(page.items.every((p) => p.priceMinor >= Number(known.minPrice))).toBe(true);
        if (known.maxPrice !== undefined) expect(page.items.every((p) => p.priceMinor <= Number(known.maxPrice))).toBe(true);
        if (known.category !== undefined) {
          const wanted = known.category.toLowerCase();
          expect(page.items.every((p) => p.category.slug === wanted || p.category.id === wanted)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('follows any cursor made for its order past the key it holds, or refuses it with 400', async () => {
    const order = fc.constantFrom('newest', 'price_asc', 'price_desc', 'name', 'relevance') as fc.Arbitrary<'newest' | 'price_asc' | 'price_desc' | 'name' | 'relevance'>;
    const product = (await fixture.page('?limit=1')).items[0]!;
    await fc.assert(
      fc.asyncProperty(order, fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.nat({ max: 10_000_000_000 }).map(String)), async (sort, key) => {
        const cursor =
          sort === 'newest'
            ? encodeCursor({ sort, id: product.id })
            : sort === 'name'
              ? encodeCursor({ sort, name: key, id: product.id })
              : sort === 'relevance'
                ? encodeCursor({ sort, rank: /^\d+$/.test(key) ? `0.${key.slice(0, 6)}` : key, id: product.id })
                : encodeCursor({ sort, priceMinor: Number(key) || 0, id: product.id });
        const query = sort === 'relevance' ? `q=lamp&sort=relevance` : `sort=${sort}`;
        const response = await fixture.request('GET', `/api/products?${query}&cursor=${cursor}`);
        expect([200, 400]).toContain(response.statusCode);
        if (response.statusCode !== 200) return;
        // Every item lies strictly after the key in the page's own order.
        const items = response.json<ProductPage>().items;
        const price = Number(key) || 0;
        if (sort === 'newest') expect(items.every((p) => p.id < product.id)).toBe(true);
        if (sort === 'price_asc') expect(items.every((p) => p.priceMinor > price || (p.priceMinor === price && p.id > product.id))).toBe(true);
        if (sort === 'price_desc') expect(items.every((p) => p.priceMinor < price || (p.priceMinor === price && p.id < product.id))).toBe(true);
        expect(items.every((p) => isId('prd', p.id))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
