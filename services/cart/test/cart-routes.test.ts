import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CartView } from '@bazaar/cart/contract';
import { createTestIssuer } from '@bazaar/platform/testing';
import { type CartFixture, type CatalogPeer, freshPrefix, freshUserId, startCartFixture, startCatalogPeer, STORE_KINDS } from './support/cart.fixture.ts';

let catalog: CatalogPeer;
beforeAll(async () => {
  catalog = await startCatalogPeer();
}, 120_000);
afterAll(() => catalog?.close());

const quantities = (cart: CartView) => Object.fromEntries(cart.items.map((item) => [item.productId, item.quantity]));

describe.each(STORE_KINDS)('the cart service on the %s store', (kind) => {
  let cart: CartFixture;
  beforeAll(async () => {
    cart = await startCartFixture({ kind, discovery: catalog.discovery });
  });
  afterAll(() => cart?.close());

  const user = async () => ({ token: await cart.tokenFor(freshUserId()) });

  it('shows a user without a cart an empty one', async () => {
    const view = await cart.cart(await user());
    expect(view).toMatchObject({ anonymous: false, items: [], totals: [], updatedAt: null });
  });

  it('adds a product with the price, currency, name and SKU catalog quotes', async () => {
    const caller = await user();
    const [product] = catalog.products;
    const view = await cart.add(caller, product!.id, 2);
    expect(view.items).toEqual([
      { productId: product!.id, sku: product!.sku, name: product!.name, priceMinor: product!.priceMinor, currency: 'USD', quantity: 2, lineTotalMinor: product!.priceMinor * 2 },
    ]);
    expect(await cart.cart(caller)).toEqual(view);
  });

  it('adds to the line already there when the same product is added again', async () => {
    const caller = await user();
    const [product] = catalog.products;
    await cart.add(caller, product!.id, 2);
    expect(quantities(await cart.add(caller, product!.id, 5))).toEqual({ [product!.id]: 7 });
  });

  it('totals each currency on its own, in minor units', async () => {
    const caller = await user();
    const [first, second] = catalog.products;
    await cart.add(caller, first!.id, 2);
    await cart.add(caller, second!.id, 1);
    const view = await cart.add(caller, catalog.euroProduct.id, 3);
    expect(view.totals).toEqual([
      { currency: 'EUR', totalMinor: 3 * 1250, quantity: 3 },
      { currency: 'USD', totalMinor: 2 * first!.priceMinor + second!.priceMinor, quantity: 3 },
    ]);
  });

  it('sets the quantity of a line, and removes it when the quantity is 0', async () => {
    const caller = await user();
    const [first, second] = catalog.products;
    await cart.add(caller, first!.id, 1);
    await cart.add(caller, second!.id, 1);
    const updated = await cart.request('PATCH', `/api/cart/items/${first!.id}`, { ...caller, body: { quantity: 9 } });
    expect(quantities(updated.json())).toEqual({ [first!.id]: 9, [second!.id]: 1 });
    const removed = await cart.request('PATCH', `/api/cart/items/${first!.id}`, { ...caller, body: { quantity: 0 } });
    expect(quantities(removed.json())).toEqual({ [second!.id]: 1 });
  });

  it('removes a line', async () => {
    const caller = await user();
    const [first, second] = catalog.products;
    await cart.add(caller, first!.id, 1);
    await cart.add(caller, second!.id, 4);
    const response = await cart.request('DELETE', `/api/cart/items/${first!.id}`, caller);
    expect(response.statusCode).toBe(200);
    expect(quantities(await cart.cart(caller))).toEqual({ [second!.id]: 4 });
  });

  it('empties the cart', async () => {
    const caller = await user();
    await cart.add(caller, catalog.products[0]!.id, 1);
    const response = await cart.request('DELETE', '/api/cart', caller);
    expect(response.statusCode).toBe(200);
    expect((await cart.cart(caller)).items).toEqual([]);
  });

  it('empties a user cart when an order was placed, and doing it twice changes nothing', async () => {
    const userId = freshUserId();
    const caller = { token: await cart.tokenFor(userId) };
    await cart.add(caller, catalog.products[0]!.id, 1);
    await cart.service.useCases.emptyCartOfUser(userId);
    await cart.service.useCases.emptyCartOfUser(userId);
    expect((await cart.cart(caller)).items).toEqual([]);
  });

  it('issues an anonymous cart without a body or a token', async () => {
    const response = await cart.service.app.inject({ method: 'POST', url: '/api/cart' });
    expect(response.statusCode).toBe(201);
    const view = response.json<CartView>();
    expect(view).toMatchObject({ anonymous: true, items: [], totals: [] });
    expect(view.id).toMatch(/^crt_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(await cart.cart({ cartId: view.id })).toEqual(view);
  });

  it('keeps an anonymous cart by its id and merges it into the user cart at login, then forgets it', async () => {
    const [first, second] = catalog.products;
    const cartId = await cart.anonymousCart();
    await cart.add({ cartId }, first!.id, 3);
    await cart.add({ cartId }, second!.id, 98);
    expect(quantities(await cart.cart({ cartId }))).toEqual({ [first!.id]: 3, [second!.id]: 98 });

    const caller = await user();
    await cart.add(caller, second!.id, 5);
    await cart.add(caller, catalog.euroProduct.id, 1);
    const merged = await cart.request('POST', '/api/cart/merge', { ...caller, body: { cartId } });
    expect(merged.statusCode).toBe(200);
    expect(quantities(merged.json())).toEqual({ [second!.id]: 99, [catalog.euroProduct.id]: 1, [first!.id]: 3 });
    expect((await cart.request('GET', '/api/cart', { cartId })).statusCode).toBe(404);
    const again = await cart.request('POST', '/api/cart/merge', { ...caller, body: { cartId } });
    expect(again.json()).toMatchObject({ status: 404, code: 'CART.CART_NOT_FOUND' });
    expect(quantities(await cart.cart(caller))).toEqual(quantities(merged.json()));
  });

  it('merges an anonymous cart only once when two logins race with it', async () => {
    const cartId = await cart.anonymousCart();
    await cart.add({ cartId }, catalog.products[0]!.id, 4);
    const caller = await user();
    const answers = await Promise.all([1, 2, 3].map(() => cart.request('POST', '/api/cart/merge', { ...caller, body: { cartId } })));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 404, 404]);
    expect(quantities(await cart.cart(caller))).toEqual({ [catalog.products[0]!.id]: 4 });
  });

  it('loses none of many concurrent adds to the same cart', async () => {
    const caller = await user();
    const distinct = catalog.products.slice(0, 30);
    const [same] = catalog.products;
    const answers = await Promise.all([
      ...distinct.map((product) => cart.request('POST', '/api/cart/items', { ...caller, body: { productId: product.id, quantity: 1 } })),
      ...Array.from({ length: 20 }, () => cart.request('POST', '/api/cart/items', { ...caller, body: { productId: same!.id, quantity: 2 } })),
    ]);
    expect(answers.every((answer) => answer.statusCode === 200)).toBe(true);
    const view = await cart.cart(caller);
    expect(view.items).toHaveLength(30);
    expect(quantities(view)[same!.id]).toBe(1 + 20 * 2);
  });

  it("never shows one user another user's cart", async () => {
    const alice = await user();
    const bob = await user();
    const [product] = catalog.products;
    await cart.add(alice, product!.id, 3);
    expect((await cart.cart(bob)).items).toEqual([]);
    const patch = await cart.request('PATCH', `/api/cart/items/${product!.id}`, { ...bob, body: { quantity: 1 } });
    expect(patch.json()).toMatchObject({ status: 404, code: 'CART.ITEM_NOT_FOUND' });
    expect((await cart.request('DELETE', `/api/cart/items/${product!.id}`, bob)).statusCode).toBe(404);
    expect(quantities(await cart.cart(alice))).toEqual({ [product!.id]: 3 });
  });

  it('refuses a product catalog does not know with 422, writing nothing', async () => {
    const caller = await user();
    const writes = cart.store.writes();
    const response = await cart.request('POST', '/api/cart/items', { ...caller, body: { productId: 'prd_01jd3x00000000000000000000', quantity: 1 } });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'CART.UNKNOWN_PRODUCT' });
    expect(cart.store.writes()).toBe(writes);
  });
});

describe('two cart replicas sharing one Redis', () => {
  it('lose none of many concurrent adds to the same cart, whichever replica takes them', async () => {
    const issuer = await createTestIssuer();
    const redisPrefix = freshPrefix();
    const replicas = [
      await startCartFixture({ kind: 'redis', discovery: catalog.discovery, redisPrefix, issuer }),
      await startCartFixture({ kind: 'redis', discovery: catalog.discovery, redisPrefix, issuer }),
    ];
    try {
      const caller = { token: await issuer.token({ roles: ['customer'], userId: freshUserId() }) };
      const [same] = catalog.products;
      const answers = await Promise.all([
        ...catalog.products.slice(0, 40).map((product, i) => replicas[i % 2]!.request('POST', '/api/cart/items', { ...caller, body: { productId: product.id, quantity: 1 } })),
        ...Array.from({ length: 30 }, (_, i) => replicas[i % 2]!.request('POST', '/api/cart/items', { ...caller, body: { productId: same!.id, quantity: 1 } })),
      ]);
      expect(answers.every((answer) => answer.statusCode === 200)).toBe(true);
      const [first, second] = await Promise.all(replicas.map((replica) => replica.cart(caller)));
      expect(first).toEqual(second);
      expect(first!.items).toHaveLength(40);
      expect(quantities(first!)[same!.id]).toBe(31);
    } finally {
      for (const replica of replicas) await replica.close();
    }
  });
});

describe('carts with a short time to live', () => {
  it.each(STORE_KINDS)('forget an anonymous cart on the %s store once it expires', async (kind) => {
    const cart = await startCartFixture({ kind, discovery: catalog.discovery, env: { CART_ANONYMOUS_TTL_SECONDS: '1' } });
    try {
      const cartId = await cart.anonymousCart();
      await cart.add({ cartId }, catalog.products[0]!.id, 1);
      await vi.waitFor(async () => expect((await cart.request('GET', '/api/cart', { cartId })).statusCode).toBe(404), { timeout: 10_000, interval: 200 });
      const late = await cart.request('POST', '/api/cart/items', { cartId, body: { productId: catalog.products[0]!.id, quantity: 1 } });
      expect(late.json()).toMatchObject({ status: 404, code: 'CART.CART_NOT_FOUND' });
    } finally {
      await cart.close();
    }
  });

  it.each(STORE_KINDS)('forget a user cart on the %s store once it expires', async (kind) => {
    const cart = await startCartFixture({ kind, discovery: catalog.discovery, env: { CART_TTL_SECONDS: '1' } });
    try {
      const caller = { token: await cart.tokenFor(freshUserId()) };
      await cart.add(caller, catalog.products[0]!.id, 1);
      await vi.waitFor(async () => expect((await cart.cart(caller)).items).toEqual([]), { timeout: 10_000, interval: 200 });
    } finally {
      await cart.close();
    }
  });
});
