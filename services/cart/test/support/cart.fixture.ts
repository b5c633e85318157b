import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { staticDiscovery, type Discovery } from '@bazaar/platform/http';
import { createTestIssuer, testDatabase, testLogger, testRedisUrl, type TestIssuer } from '@bazaar/platform/testing';
import type { CategoryList, Product, ProductPage } from '@bazaar/catalog/contract';
import { startCatalog } from '@bazaar/catalog/main';
import type { CartView } from '@bazaar/cart/contract';
import { startCart, type CartService, type CartStore } from '@bazaar/cart/main';
import type { Broker } from '@bazaar/platform/messaging';
import { createMemoryCartStore } from '../../src/store/memory-cart.store.ts';
import { createRedisCartStore } from '../../src/store/redis-cart.store.ts';

/** The two places carts can live; every service test runs against both. */
export const STORE_KINDS = ['memory', 'redis'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** A real catalog on a throwaway database, listening on a real port, for carts to price products from. */
export interface CatalogPeer {
  readonly discovery: Discovery;
  /** Seeded products, all priced in USD. */
  readonly products: readonly Product[];
  /** A product created for the test, priced in EUR. */
  readonly euroProduct: Product;
  close(): Promise<void>;
}

export async function startCatalogPeer(): Promise<CatalogPeer> {
  const database = testDatabase('catalog');
  const issuer = await createTestIssuer();
  const catalog = await startCatalog(
    { databaseServerUrl: database.serverUrl, databaseName: database.name, logger: testLogger('catalog'), discovery: staticDiscovery({}), env: { CATALOG_SEED_PRODUCTS: '80' } },
    { verifier: issuer.verifier },
  );
  try {
    await catalog.seedIfEmpty();
    const url = await catalog.listen(0, '127.0.0.1');
    const { items } = (await catalog.app.inject({ method: 'GET', url: '/api/products?limit=60&sort=name' })).json<ProductPage>();
    const [category] = (await catalog.app.inject({ method: 'GET', url: '/api/categories' })).json<CategoryList>();
    const created = await catalog.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: { authorization: `Bearer ${await issuer.token({ roles: ['admin'] })}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Euro Espresso Cups', categoryId: category!.id, priceMinor: 1250, currency: 'EUR' }),
    });
    if (created.statusCode !== 201) throw new Error(`creating the EUR product answered ${created.statusCode}: ${created.body}`);
    return {
      discovery: staticDiscovery({ catalog: [url] }),
      products: items,
      euroProduct: created.json<Product>(),
      async close() {
        await catalog.close();
        await database.drop();
      },
    };
  } catch (error) {
    await catalog.close();
    await database.drop();
    throw error;
  }
}

/** The cart store of a test, counting the updates that wrote something, for "nothing was written" checks. */
export interface CountingStore extends CartStore {
  writes(): number;
}

/** A key prefix no other test uses. */
export function freshPrefix(): string {
  return `test:cart:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

/**
 * A store of the given kind; a Redis one lives under a prefix of its own (or a shared one, for replicas)
 * and deletes its keys on close.
 */
export function testCartStore(kind: StoreKind, prefix = freshPrefix()): CountingStore & { keys(): Promise<string[]> } {
  const inner = kind === 'memory' ? createMemoryCartStore({ maxCarts: 1_000 }) : createRedisCartStore({ url: testRedisUrl(), prefix });
  const admin = kind === 'redis' ? new Redis(testRedisUrl()) : undefined;
  let writes = 0;
  const keys = async () => (admin === undefined ? [] : admin.keys(`${prefix}*`));
  return {
    ...inner,
    async update(key, change, options) {
      const result = await inner.update(key, change, options);
      if (result.ok) writes += 1;
      return result;
    },
    writes: () => writes,
    keys,
    async close() {
      await inner.close();
      if (admin !== undefined) {
        const left = await keys();
        if (left.length > 0) await admin.del(...left);
        await admin.quit();
      }
    },
  };
}

/** How a test calls the cart: as a user (token), as an anonymous visitor (cartId), or as nobody. */
export interface Caller {
  readonly token?: string;
  readonly cartId?: string;
}

/** A running cart service with its own store, tokens, and helpers that speak its API. */
export interface CartFixture {
  readonly service: CartService;
  readonly store: CountingStore & { keys(): Promise<string[]> };
  readonly issuer: TestIssuer;
  tokenFor(userId: string): Promise<string>;
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, options?: Caller & { body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  /** GET /api/cart that must succeed. */
  cart(caller: Caller): Promise<CartView>;
  /** POST /api/cart/items that must succeed. */
  add(caller: Caller, productId: string, quantity: number): Promise<CartView>;
  /** A new anonymous cart's id. */
  anonymousCart(): Promise<string>;
  close(): Promise<void>;
}

let users = 0;
/** A user id no other test uses. */
export function freshUserId(): string {
  users += 1;
  return `usr_01jd3x${String(process.pid % 100_000).padStart(5, '0')}${String(users).padStart(15, '0')}`;
}

export async function startCartFixture(options: {
  kind: StoreKind;
  discovery: Discovery;
  env?: Record<string, string>;
  /** Shares carts with other fixtures of the same prefix, as replicas on one Redis do; tokens of `issuer` work on all. */
  redisPrefix?: string;
  issuer?: TestIssuer;
  /** Where `order.placed` arrives; by default the process's shared in-process bus. */
  broker?: Broker;
}): Promise<CartFixture> {
  const issuer = options.issuer ?? (await createTestIssuer());
  const store = testCartStore(options.kind, options.redisPrefix);
  const service = await startCart(
    { databaseServerUrl: 'postgres://unused', logger: testLogger('cart'), discovery: options.discovery, env: options.env ?? {} },
    { verifier: issuer.verifier, store, ...(options.broker && { broker: options.broker }) },
  );

  const request: CartFixture['request'] = (method, url, { body, token, cartId, headers: extra } = {}) => {
    const headers: Record<string, string> = { ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    if (cartId !== undefined) headers['x-cart-id'] = cartId;
    return service.app.inject({ method, url, headers, ...(body !== undefined && { payload: JSON.stringify(body) }) });
  };
  const expectOk = async (response: Promise<LightMyRequestResponse>, status = 200): Promise<CartView> => {
    const answer = await response;
    if (answer.statusCode !== status) throw new Error(`expected ${status}, got ${answer.statusCode}: ${answer.body}`);
    return answer.json<CartView>();
  };

  return {
    service,
    store,
    issuer,
    tokenFor: (userId) => issuer.token({ roles: ['customer'], userId }),
    request,
    cart: (caller) => expectOk(request('GET', '/api/cart', caller)),
    add: (caller, productId, quantity) => expectOk(request('POST', '/api/cart/items', { ...caller, body: { productId, quantity } })),
    anonymousCart: async () => (await expectOk(request('POST', '/api/cart', { body: {} }), 201)).id,
    close: () => service.close(),
  };
}
