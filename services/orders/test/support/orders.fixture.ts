import type { Broker } from '@bazaar/platform/messaging';
import { staticDiscovery } from '@bazaar/platform/http';
import { createTestIssuer, testDatabase, testLogger, type TestIssuer } from '@bazaar/platform/testing';
import type { CartLine, CartReader } from '@bazaar/orders/contract';
import { startOrders, type OrdersService } from '@bazaar/orders/main';
import type { LightMyRequestResponse } from 'fastify';

/** Carts held in memory, standing in for the cart service behind the CartReader interface. */
export function memoryCarts(): CartReader & { fill(userId: string, lines: readonly CartLine[]): void } {
  const carts = new Map<string, readonly CartLine[]>();
  return {
    read: async (userId) => carts.get(userId) ?? [],
    fill: (userId, lines) => void carts.set(userId, lines),
  };
}

export const lamp = (sku = 'SKU-LAMP', quantity = 2): CartLine => ({
  productId: 'prd_01hzy3v4d2k8m9n0p1q2r3s4t5',
  sku,
  name: 'Desk lamp',
  quantity,
  unitPriceMinor: 1250,
  currency: 'USD',
});

export const checkoutBody = (paymentToken = 'tok_visa') => ({
  shippingAddress: { name: 'Ada Lovelace', line1: '12 Analytical Way', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
  paymentToken,
});

/** Orders on a throwaway database (kept until `drop`), restartable over it, with a test issuer and in-memory carts. */
export interface OrdersFixture {
  readonly issuer: TestIssuer;
  readonly carts: ReturnType<typeof memoryCarts>;
  readonly databaseName: string;
  readonly databaseServerUrl: string;
  orders(): OrdersService;
  start(): Promise<OrdersService>;
  stop(): Promise<void>;
  request(options: { method: 'GET' | 'POST'; url: string; token: string; key?: string; body?: unknown }): Promise<LightMyRequestResponse>;
  drop(): Promise<void>;
}

export async function createOrdersFixture(options: { broker: Broker; env?: Record<string, string> }): Promise<OrdersFixture> {
  const database = testDatabase('orders');
  const issuer = await createTestIssuer();
  const carts = memoryCarts();
  let current: OrdersService | undefined;
  const start = async () => {
    current = await startOrders(
      {
        databaseServerUrl: database.serverUrl,
        databaseName: database.name,
        logger: testLogger('orders'),
        discovery: staticDiscovery({}),
        env: { ORDERS_SAGA_TICK_MS: '100', ...options.env },
      },
      { cart: carts, verifier: issuer.verifier, broker: options.broker },
    );
    return current;
  };
  const orders = () => {
    if (!current) throw new Error('orders is not running');
    return current;
  };
  return {
    issuer,
    carts,
    databaseName: database.name,
    databaseServerUrl: database.serverUrl,
    orders,
    start,
    async stop() {
      await current?.close();
      current = undefined;
    },
    request: ({ method, url, token, key, body }) =>
      orders().app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${token}`,
          ...(key !== undefined && { 'idempotency-key': key }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { payload: JSON.stringify(body) }),
      }),
    async drop() {
      await current?.close();
      current = undefined;
      await database.drop();
    },
  };
}
