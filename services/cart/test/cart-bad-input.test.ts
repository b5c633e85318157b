import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticDiscovery } from '@bazaar/platform/http';
import { type Caller, type CartFixture, type CatalogPeer, freshUserId, startCartFixture, startCatalogPeer, STORE_KINDS } from './support/cart.fixture.ts';

let catalog: CatalogPeer;
beforeAll(async () => {
  catalog = await startCatalogPeer();
}, 120_000);
afterAll(() => catalog?.close());

/** A local port nothing listens on: it was free a moment ago and is closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const BAD_QUANTITIES = [0, -1, 100, '2', 1.5, null];
const BAD_PATCH_QUANTITIES = [-1, 100, '2', 1.5, null];
const MALFORMED_PRODUCT_IDS = ['prd_short', 'sku_01jd3x00000000000000000000', 'PRD_01JD3X00000000000000000000', '../products'];

describe.each(STORE_KINDS)('bad input to the cart service on the %s store', (kind) => {
  let cart: CartFixture;
  let caller: Caller;
  let anonymous: Caller;
  let productId: string;
  beforeAll(async () => {
    cart = await startCartFixture({ kind, discovery: catalog.discovery });
    caller = { token: await cart.tokenFor(freshUserId()) };
    anonymous = { cartId: await cart.anonymousCart() };
    productId = catalog.products[0]!.id;
    await cart.add(caller, productId, 2);
    await cart.add(anonymous, productId, 2);
  });
  afterAll(() => cart?.close());

  /** Sends a request that must be refused with a problem, and checks that no cart was written. */
  async function expectRefused(send: () => ReturnType<CartFixture['request']>, status: number, code?: string) {
    const writes = cart.store.writes();
    const [userBefore, anonymousBefore] = [await cart.cart(caller), await cart.cart(anonymous)];
    const response = await send();
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    if (code !== undefined) expect(response.json()).toMatchObject({ status, code });
    expect(cart.store.writes()).toBe(writes);
    expect(await cart.cart(caller)).toEqual(userBefore);
    expect(await cart.cart(anonymous)).toEqual(anonymousBefore);
  }

  it.each(BAD_QUANTITIES)('refuses to add the quantity %j', async (quantity) => {
    await expectRefused(() => cart.request('POST', '/api/cart/items', { ...caller, body: { productId, quantity } }), 400);
    await expectRefused(() => cart.request('POST', '/api/cart/items', { ...anonymous, body: { productId, quantity } }), 400);
  });

  it.each(BAD_PATCH_QUANTITIES)('refuses to set the quantity %j', async (quantity) => {
    await expectRefused(() => cart.request('PATCH', `/api/cart/items/${productId}`, { ...caller, body: { quantity } }), 400);
  });

  it.each(MALFORMED_PRODUCT_IDS)('refuses the malformed product id %j in a body and in a path', async (id) => {
    await expectRefused(() => cart.request('POST', '/api/cart/items', { ...caller, body: { productId: id, quantity: 1 } }), 400);
    await expectRefused(() => cart.request('PATCH', `/api/cart/items/${encodeURIComponent(id)}`, { ...caller, body: { quantity: 1 } }), 400);
    await expectRefused(() => cart.request('DELETE', `/api/cart/items/${encodeURIComponent(id)}`, caller), 400);
  });

  it('refuses unknown fields in every body', async () => {
    await expectRefused(() => cart.request('POST', '/api/cart', { body: { owner: 'usr_x' } }), 400);
    await expectRefused(() => cart.request('POST', '/api/cart/items', { ...caller, body: { productId, quantity: 1, priceMinor: 1 } }), 400);
    await expectRefused(() => cart.request('PATCH', `/api/cart/items/${productId}`, { ...caller, body: { quantity: 1, name: 'cheap' } }), 400);
    await expectRefused(() => cart.request('POST', '/api/cart/merge', { ...caller, body: { cartId: anonymous.cartId, userId: 'usr_x' } }), 400);
  });

  it('refuses bodies that are missing, not objects or not JSON', async () => {
    await expectRefused(() => cart.request('POST', '/api/cart/items', { ...caller, body: { productId } }), 400);
    await expectRefused(() => cart.request('POST', '/api/cart/items', { ...caller, body: [productId, 1] }), 400);
    await expectRefused(() => cart.request('POST', '/api/cart/items', { ...caller, headers: { 'content-type': 'application/json' }, body: undefined }), 400);
    await expectRefused(
      () => cart.service.app.inject({ method: 'POST', url: '/api/cart/items', headers: { authorization: `Bearer ${caller.token}`, 'content-type': 'application/json' }, payload: '{"productId":' }),
      400,
    );
  });

  it.each(['crt_short', 'usr_01jd3x00000000000000000000', 'crt_01JD3X00000000000000000000', ''])('refuses the malformed X-Cart-Id %j', async (cartId) => {
    await expectRefused(() => cart.request('GET', '/api/cart', { cartId }), 400, 'CART.MALFORMED_CART_ID');
    await expectRefused(() => cart.request('POST', '/api/cart/items', { cartId, body: { productId, quantity: 1 } }), 400, 'CART.MALFORMED_CART_ID');
    await expectRefused(() => cart.request('POST', '/api/cart/merge', { ...caller, body: { cartId } }), 400);
  });

  it('answers 404 for a well-formed cart id it never issued, and creates nothing', async () => {
    const cartId = 'crt_01jd3x00000000000000000000';
    await expectRefused(() => cart.request('GET', '/api/cart', { cartId }), 404, 'CART.CART_NOT_FOUND');
    await expectRefused(() => cart.request('POST', '/api/cart/items', { cartId, body: { productId, quantity: 1 } }), 404, 'CART.CART_NOT_FOUND');
    await expectRefused(() => cart.request('DELETE', '/api/cart', { cartId }), 404, 'CART.CART_NOT_FOUND');
    await expectRefused(() => cart.request('POST', '/api/cart/merge', { ...caller, body: { cartId } }), 404, 'CART.CART_NOT_FOUND');
  });

  it('requires a token or a cart id on every cart route, and a token to merge', async () => {
    await expectRefused(() => cart.request('GET', '/api/cart'), 401, 'CART.CART_REQUIRED');
    await expectRefused(() => cart.request('DELETE', '/api/cart'), 401);
    await expectRefused(() => cart.request('POST', '/api/cart/items', { body: { productId, quantity: 1 } }), 401);
    await expectRefused(() => cart.request('PATCH', `/api/cart/items/${productId}`, { body: { quantity: 1 } }), 401);
    await expectRefused(() => cart.request('DELETE', `/api/cart/items/${productId}`), 401);
    await expectRefused(() => cart.request('POST', '/api/cart/merge', { ...anonymous, body: { cartId: anonymous.cartId } }), 401);
  });

  it('refuses a forged or garbled token rather than falling back to the anonymous cart', async () => {
    const forged = await cart.issuer.forgedToken({ roles: ['customer'] });
    await expectRefused(() => cart.request('GET', '/api/cart', { token: forged, cartId: anonymous.cartId }), 401);
    await expectRefused(() => cart.request('POST', '/api/cart/items', { token: forged, body: { productId, quantity: 1 } }), 401);
    await expectRefused(() => cart.request('POST', '/api/cart/items', { headers: { authorization: 'Basic dXNlcjpwdw==' }, body: { productId, quantity: 1 } }), 401);
    await expectRefused(() => cart.request('POST', '/api/cart/merge', { token: forged, body: { cartId: anonymous.cartId } }), 401);
  });

  it('refuses to put more than 99 of a product in one line', async () => {
    await cart.add(caller, catalog.products[1]!.id, 99);
    await expectRefused(() => cart.request('POST', '/api/cart/items', { ...caller, body: { productId: catalog.products[1]!.id, quantity: 1 } }), 422, 'CART.QUANTITY_TOO_LARGE');
  });

  it('refuses a 51st product in one cart', async () => {
    const full = { token: await cart.tokenFor(freshUserId()) };
    for (const product of catalog.products.slice(0, 50)) await cart.add(full, product.id, 1);
    const writes = cart.store.writes();
    const response = await cart.request('POST', '/api/cart/items', { ...full, body: { productId: catalog.products[50]!.id, quantity: 1 } });
    expect(response.json()).toMatchObject({ status: 422, code: 'CART.TOO_MANY_LINES' });
    expect(cart.store.writes()).toBe(writes);
    expect((await cart.cart(full)).items).toHaveLength(50);
  });

  it('refuses to change or remove a line that is not in the cart', async () => {
    const missing = catalog.products[2]!.id;
    await expectRefused(() => cart.request('PATCH', `/api/cart/items/${missing}`, { ...caller, body: { quantity: 1 } }), 404, 'CART.ITEM_NOT_FOUND');
    await expectRefused(() => cart.request('DELETE', `/api/cart/items/${missing}`, anonymous), 404, 'CART.ITEM_NOT_FOUND');
  });
});

describe('a cart whose catalog is down', () => {
  it.each(STORE_KINDS)('answers 503 on the %s store when catalog refuses connections, writing nothing', async (kind) => {
    const cart = await startCartFixture({ kind, discovery: staticDiscovery({ catalog: [`http://127.0.0.1:${await closedPort()}`] }), env: { CART_CATALOG_TIMEOUT_MS: '2000' } });
    try {
      const caller = { token: await cart.tokenFor(freshUserId()) };
      const response = await cart.request('POST', '/api/cart/items', { ...caller, body: { productId: catalog.products[0]!.id, quantity: 1 } });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'CART.CATALOG_UNAVAILABLE' });
      expect(cart.store.writes()).toBe(0);
      expect((await cart.cart(caller)).items).toEqual([]);
    } finally {
      await cart.close();
    }
  });

  it('answers 503 when no catalog replica is known at all', async () => {
    const cart = await startCartFixture({ kind: 'memory', discovery: staticDiscovery({}) });
    try {
      const response = await cart.request('POST', '/api/cart/items', { token: await cart.tokenFor(freshUserId()), body: { productId: catalog.products[0]!.id, quantity: 1 } });
      expect(response.json()).toMatchObject({ status: 503, code: 'CART.CATALOG_UNAVAILABLE' });
      expect(cart.store.writes()).toBe(0);
    } finally {
      await cart.close();
    }
  });
});
