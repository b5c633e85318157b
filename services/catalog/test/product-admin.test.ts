import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import type { Category, Product } from '@bazaar/catalog/contract';
import { newProductBody, startCatalogFixture, type CatalogFixture } from './support/catalog.fixture.ts';

let fixture: CatalogFixture;
let garden: Category;
beforeAll(async () => {
  fixture = await startCatalogFixture();
  garden = (await fixture.categories()).find((c) => c.slug === 'garden')!;
});
afterAll(() => fixture.close());

async function create(overrides: Record<string, unknown> = {}): Promise<Product> {
  const response = await fixture.request('POST', '/api/products', { token: fixture.adminToken, body: newProductBody(garden.id, overrides) });
  expect(response.statusCode).toBe(201);
  return response.json<Product>();
}

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

describe('an administrator adding a product', () => {
  it('gets 201 with the stored product, its location and version 1', async () => {
    const body = newProductBody(garden.id, { sku: 'sku_test-lamp-1', name: '  Brass Garden Lantern  ' });
    const response = await fixture.request('POST', '/api/products', { token: fixture.adminToken, body });
    expect(response.statusCode).toBe(201);
    const product = response.json<Product>();
    expect(response.headers['location']).toBe(`/api/products/${product.id}`);
    expect(product).toMatchObject({
      id: expect.stringMatching(/^prd_/),
      sku: 'sku_test-lamp-1',
      name: 'Brass Garden Lantern',
      category: { id: garden.id, slug: 'garden', name: 'Garden' },
      priceMinor: body.priceMinor,
      currency: 'USD',
      attributes: body.attributes,
      version: 1,
    });
    expect(await fixture.product(product.id)).toEqual(product);
    expect((await fixture.page('?limit=1')).items[0]!.id).toBe(product.id);
  });

  it('gets a fresh SKU when none is given', async () => {
    expect((await create()).sku).toMatch(/^sku_[0-9a-z]{26}$/);
  });

  it('is refused with 409 for a SKU that is already used, and nothing is written', async () => {
    const before = await fixture.countProducts();
    const response = await fixture.request('POST', '/api/products', { token: fixture.adminToken, body: newProductBody(garden.id, { sku: 'sku_elc-0001' }) });
    expectProblem(response, 409, 'CATALOG.SKU_TAKEN');
    expect(response.json()).toMatchObject({ errors: [{ path: 'body.sku' }] });
    expect(await fixture.countProducts()).toBe(before);
  });

  it('is refused with 422 for a category that does not exist, and nothing is written', async () => {
    const before = await fixture.countProducts();
    const response = await fixture.request('POST', '/api/products', { token: fixture.adminToken, body: newProductBody(newId('cat')) });
    expectProblem(response, 422, 'CATALOG.UNKNOWN_CATEGORY');
    expect(response.json()).toMatchObject({ errors: [{ path: 'body.categoryId', message: 'does not name an existing category' }] });
    expect(await fixture.countProducts()).toBe(before);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing name', { name: undefined }, 'body.name'],
    ['a blank name', { name: '   ' }, 'body.name'],
    ['a name of 201 characters', { name: 'n'.repeat(201) }, 'body.name'],
    ['a name with a line break', { name: 'Lamp\nShade' }, 'body.name'],
    ['a description of 5001 characters', { description: 'd'.repeat(5001) }, 'body.description'],
    ['a description with a NUL character', { description: 'bad\u0000text' }, 'body.description'],
    ['a negative price', { priceMinor: -1 }, 'body.priceMinor'],
    ['a fractional price', { priceMinor: 19.99 }, 'body.priceMinor'],
    ['a price above ten billion', { priceMinor: 10_000_000_001 }, 'body.priceMinor'],
    ['a price given as text', { priceMinor: '1999' }, 'body.priceMinor'],
    ['a currency in lower case', { currency: 'usd' }, 'body.currency'],
    ['a currency that does not exist', { currency: 'ZZZ' }, 'body.currency'],
    ['a category id of the wrong shape', { categoryId: 'garden' }, 'body.categoryId'],
    ['a malformed SKU', { sku: 'SKU 1' }, 'body.sku'],
    ['nested attributes', { attributes: { size: { width: 3 } } }, 'body.attributes.size'],
    ['an attribute name with spaces', { attributes: { 'pot size': 'L' } }, 'body.attributes'],
    ['too many attributes', { attributes: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`a${i}`, i])) }, 'body.attributes'],
    ['attributes too large together', { attributes: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}`, 'x'.repeat(500)])) }, 'body.attributes'],
    ['a field the API does not know', { colour: 'green' }, 'body.colour'],
  ])('is refused with 400 field errors for %s, and nothing is written', async (_why, overrides, path) => {
    const before = await fixture.countProducts();
    const response = await fixture.request('POST', '/api/products', { token: fixture.adminToken, body: newProductBody(garden.id, overrides) });
    expectProblem(response, 400, 'PLATFORM.VALIDATION');
    const errors = response.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(errors.some((e) => e.path === path || e.path.startsWith(`${path}.`))).toBe(true);
    expect(await fixture.countProducts()).toBe(before);
  });

  it('is refused with 400 for a body that is not JSON', async () => {
    const response = await fixture.service.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: { authorization: `Bearer ${fixture.adminToken}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expectProblem(response, 400, 'PLATFORM.MALFORMED_JSON');
  });
});

describe('an administrator changing a product', () => {
  it('changes only the fields sent and bumps the version', async () => {
    const product = await create();
    const response = await fixture.request('PATCH', `/api/products/${product.id}`, { token: fixture.adminToken, body: { priceMinor: 3199, name: 'Renamed Lamp' } });
    expect(response.statusCode).toBe(200);
    const changed = response.json<Product>();
    expect(changed).toEqual({ ...product, priceMinor: 3199, name: 'Renamed Lamp', version: 2, updatedAt: changed.updatedAt });
    expect(Date.parse(changed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(product.updatedAt));
    const again = await fixture.request('PATCH', `/api/products/${product.id}`, { token: fixture.adminToken, body: { attributes: { brand: 'Other' } } });
    expect(again.json()).toMatchObject({ version: 3, attributes: { brand: 'Other' }, priceMinor: 3199 });
  });

  it('can move it to another category', async () => {
    const product = await create();
    const books = (await fixture.categories()).find((c) => c.slug === 'books')!;
    const response = await fixture.request('PATCH', `/api/products/${product.id}`, { token: fixture.adminToken, body: { categoryId: books.id } });
    expect(response.json()).toMatchObject({ category: { id: books.id, slug: 'books' } });
  });

  it.each<[string, unknown, number, string]>([
    ['an empty change', {}, 400, 'PLATFORM.VALIDATION'],
    ['a change of SKU, which is fixed', { sku: 'sku_new-one' }, 400, 'PLATFORM.VALIDATION'],
    ['a negative price', { priceMinor: -5 }, 400, 'PLATFORM.VALIDATION'],
    ['a currency that does not exist', { currency: 'QQQ' }, 400, 'PLATFORM.VALIDATION'],
    ['a category that does not exist', { categoryId: newId('cat') }, 422, 'CATALOG.UNKNOWN_CATEGORY'],
  ])('is refused for %s, and the product stays as it was', async (_why, body, status, code) => {
    const product = await create();
    const response = await fixture.request('PATCH', `/api/products/${product.id}`, { token: fixture.adminToken, body });
    expectProblem(response, status, code);
    expect(await fixture.product(product.id)).toEqual(product);
  });

  it('is not found for a product that does not exist', async () => {
    const response = await fixture.request('PATCH', `/api/products/${newId('prd')}`, { token: fixture.adminToken, body: { priceMinor: 100 } });
    expectProblem(response, 404, 'CATALOG.PRODUCT_NOT_FOUND');
  });
});

describe('an administrator deleting a product', () => {
  it('gets 204, after which the product is not found anywhere', async () => {
    const product = await create({ name: 'Doomed Quokkaware Lantern' });
    await fixture.product(product.id);
    const response = await fixture.request('DELETE', `/api/products/${product.id}`, { token: fixture.adminToken });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expectProblem(await fixture.request('GET', `/api/products/${product.id}`), 404, 'CATALOG.PRODUCT_NOT_FOUND');
    expect((await fixture.page('?q=quokkaware')).items).toEqual([]);
    expectProblem(await fixture.request('DELETE', `/api/products/${product.id}`, { token: fixture.adminToken }), 404, 'CATALOG.PRODUCT_NOT_FOUND');
    expectProblem(await fixture.request('PATCH', `/api/products/${product.id}`, { token: fixture.adminToken, body: { priceMinor: 1 } }), 404, 'CATALOG.PRODUCT_NOT_FOUND');
  });
});

describe('an administrator adding a category', () => {
  it('gets 201 with an empty category that then lists and takes products', async () => {
    const response = await fixture.request('POST', '/api/categories', { token: fixture.adminToken, body: { slug: 'outdoor-lighting', name: 'Outdoor Lighting', description: 'Lights for paths and patios.' } });
    expect(response.statusCode).toBe(201);
    const category = response.json<Category>();
    expect(category).toMatchObject({ id: expect.stringMatching(/^cat_/), slug: 'outdoor-lighting', productCount: 0 });
    await fixture.request('POST', '/api/products', { token: fixture.adminToken, body: newProductBody(category.id) });
    expect((await fixture.categories()).find((c) => c.id === category.id)?.productCount).toBe(1);
  });

  it('is refused with 409 for a slug already in use', async () => {
    const response = await fixture.request('POST', '/api/categories', { token: fixture.adminToken, body: { slug: 'books', name: 'More Books' } });
    expectProblem(response, 409, 'CATALOG.SLUG_TAKEN');
  });

  it.each([{ slug: 'Has Spaces', name: 'X' }, { slug: 'ok', name: '' }, { slug: 'ok' }, { slug: 'double--dash', name: 'X' }, { slug: 'ok', name: 'X', extra: 1 }])(
    'is refused with 400 for %j',
    async (body) => {
      expectProblem(await fixture.request('POST', '/api/categories', { token: fixture.adminToken, body }), 400, 'PLATFORM.VALIDATION');
    },
  );
});

describe('catalog changes by anyone but an administrator', () => {
  const attempts = () => {
    const id = newId('prd');
    return [
      ['POST', '/api/products', newProductBody(garden.id)],
      ['PATCH', `/api/products/${id}`, { priceMinor: 1 }],
      ['DELETE', `/api/products/${id}`, undefined],
      ['POST', '/api/categories', { slug: 'sneaky', name: 'Sneaky' }],
    ] as const;
  };

  it('are refused with 401 without a token, asking for one', async () => {
    for (const [method, url, body] of attempts()) {
      const response = await fixture.request(method, url, { body });
      expectProblem(response, 401, 'PLATFORM.UNAUTHENTICATED');
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('are refused with 401 before the body is even looked at', async () => {
    expectProblem(await fixture.request('POST', '/api/products', { body: { nonsense: true } }), 401, 'PLATFORM.UNAUTHENTICATED');
  });

  it('are refused with 403 for a customer', async () => {
    for (const [method, url, body] of attempts()) {
      expectProblem(await fixture.request(method, url, { body, token: fixture.customerToken }), 403, 'PLATFORM.FORBIDDEN');
    }
  });

  it('are refused with 401 for a tampered token, even one claiming the admin role', async () => {
    const [header, payload, signature] = fixture.adminToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const customerMadeAdmin = fixture.customerToken.split('.');
    const elevated = `${customerMadeAdmin[0]}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${customerMadeAdmin[2]}`;
    const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const forged = await fixture.issuer.forgedToken({ roles: ['admin'] });
    for (const token of [elevated, flipped, forged, 'not-a-jwt']) {
      for (const [method, url, body] of attempts()) {
        expectProblem(await fixture.request(method, url, { body, token }), 401, 'PLATFORM.INVALID_TOKEN');
      }
    }
  });

  it('write nothing', async () => {
    const before = await fixture.countProducts();
    const categories = (await fixture.categories()).length;
    for (const token of [undefined, fixture.customerToken]) {
      for (const [method, url, body] of attempts()) await fixture.request(method, url, { body, token });
    }
    expect(await fixture.countProducts()).toBe(before);
    expect((await fixture.categories()).length).toBe(categories);
  });
});
