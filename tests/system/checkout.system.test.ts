import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publishRaw, systemEngines, testDatabaseServer, type SystemEngines } from '@bazaar/platform/testing';
import { freePort, npmStart, type StartedProcess } from './embedded-process.ts';

const ADMIN = { email: 'admin@bazaar.local', password: 'system-test-admin-password' };
const ADDRESS = { name: 'Sam Shopper', line1: '1 Market Street', city: 'Rotterdam', postalCode: '3011', country: 'NL' };

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON from the wire
}

/** Every broker consumer of the system, whose queues the run on RabbitMQ must remove. */
const CONSUMERS = ['cart', 'inventory-commands', 'inventory-orders', 'notifications', 'orders-saga', 'payments-commands'];

const PLACEMENTS = [
  { placement: 'the embedded placement (embedded PostgreSQL, in-process bus)', onRabbit: false, engines: (): SystemEngines | undefined => undefined },
  { placement: 'PostgreSQL, Redis and RabbitMQ servers', onRabbit: true, engines: (): SystemEngines | undefined => systemEngines(testDatabaseServer(), CONSUMERS) },
];

describe.each(PLACEMENTS)('checkout through the gateway on $placement', ({ engines: engagedEngines, onRabbit }) => {
  let dataDir: string;
  let base: string;
  let system: StartedProcess;
  let engines: SystemEngines | undefined;

  const call = async (method: string, url: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    const response = await fetch(`${base}${url}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  const shopper = async (label: string) => {
    const email = `${label}-${Date.now()}@example.com`;
    const password = 'a long and unusual passphrase';
    expect((await call('POST', '/api/auth/register', { body: { email, password, name: 'Sam Shopper' } })).status).toBe(201);
    return (await call('POST', '/api/auth/login', { body: { email, password } })).body.accessToken as string;
  };

  /** A product with at least `units` available, and its availability. */
  const productInStock = async (units: number) => {
    const page = await call('GET', '/api/products?limit=50');
    for (const product of page.body.items) {
      const stock = await call('GET', `/api/inventory/${product.sku}`);
      if (stock.body.available >= units) return { product, available: stock.body.available as number };
    }
    throw new Error('no product in stock');
  };

  const checkout = (token: string, key: string, paymentToken: string) =>
    call('POST', '/api/checkout', { token, headers: { 'idempotency-key': key }, body: { shippingAddress: ADDRESS, paymentToken } });

  const finalStatus = async (token: string, orderId: string) =>
    vi.waitFor(
      async () => {
        const order = await call('GET', `/api/orders/${orderId}`, { token });
        expect(['CONFIRMED', 'CANCELLED']).toContain(order.body.status);
        return order.body;
      },
      { timeout: 20_000, interval: 200 },
    );

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bazaar-checkout-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    engines = engagedEngines();
    system = await npmStart({ ...engines?.env, BAZAAR_DATA_DIR: dataDir, PORT: String(port), BAZAAR_ADMIN_EMAIL: ADMIN.email, BAZAAR_ADMIN_PASSWORD: ADMIN.password });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await engines?.release();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('confirms an order paid with tok_visa, empties the cart, and tells the shopper', async () => {
    const token = await shopper('buyer');
    const { product, available } = await productInStock(2);
    expect((await call('POST', '/api/cart/items', { token, body: { productId: product.id, quantity: 2 } })).status).toBe(200);

    const placed = await checkout(token, `key-${Date.now()}-ok`, 'tok_visa');
    expect([200, 202]).toContain(placed.status);
    const orderId = placed.body.orderId ?? placed.body.id;
    const order = await finalStatus(token, orderId);
    expect(order.status).toBe('CONFIRMED');
    expect(order.totalMinor).toBe(product.priceMinor * 2);

    expect((await call('GET', `/api/inventory/${product.sku}`)).body.available).toBe(available - 2);
    await vi.waitFor(async () => expect((await call('GET', '/api/cart', { token })).body.items).toEqual([]), { timeout: 10_000 });
    await vi.waitFor(
      async () => {
        const inbox = await call('GET', '/api/notifications', { token });
        expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toContain('order-confirmed');
      },
      { timeout: 10_000, interval: 200 },
    );
    const history = await call('GET', '/api/orders', { token });
    expect(history.body.items.map((o: { id: string }) => o.id)).toContain(orderId);
  }, 60_000);

  it('cancels an order paid with tok_chargeDeclined, with the reason, and puts the stock back', async () => {
    const token = await shopper('declined');
    const { product, available } = await productInStock(1);
    await call('POST', '/api/cart/items', { token, body: { productId: product.id, quantity: 1 } });

    const placed = await checkout(token, `key-${Date.now()}-declined`, 'tok_chargeDeclined');
    const order = await finalStatus(token, placed.body.orderId ?? placed.body.id);
    expect(order.status).toBe('CANCELLED');
    expect(order.cancelReason).toMatch(/declined/i);
    expect((await call('GET', `/api/inventory/${product.sku}`)).body.available).toBe(available);
  }, 60_000);

  it('makes one order of the same Idempotency-Key sent twice at once, and never shows it to someone else', async () => {
    const token = await shopper('twice');
    const { product } = await productInStock(1);
    await call('POST', '/api/cart/items', { token, body: { productId: product.id, quantity: 1 } });
    const key = `key-${Date.now()}-twice`;
    const [first, second] = await Promise.all([checkout(token, key, 'tok_visa'), checkout(token, key, 'tok_visa')]);
    const firstId = first.body.orderId ?? first.body.id;
    expect(second.body.orderId ?? second.body.id).toBe(firstId);

    const stranger = await shopper('stranger');
    expect((await call('GET', `/api/orders/${firstId}`, { token: stranger })).status).toBe(404);
  }, 60_000);

  // A stray producer needs a broker with an outside door; the in-process bus has none.
  if (onRabbit) it('dead-letters a malformed message without stopping its consumer, shows it to the operator, and re-drives it on request', async () => {
    const admin = (await call('POST', '/api/auth/login', { body: ADMIN })).body.accessToken as string;
    const pending = async () => (await call('GET', '/api/admin/dead-letters/notifications', { token: admin })).body.items as { id: string; messageId: string; error: string }[];
    const messageId = `msg_poison_${Date.now()}`;
    const poison = JSON.stringify({ id: messageId, type: 'order.confirmed', version: 1, occurredAt: new Date().toISOString(), payload: { orderId: 42 } });
    await publishRaw(engines!.env['AMQP_EXCHANGE']!, 'order.confirmed', poison, { messageId, type: 'order.confirmed' });

    const letter = await vi.waitFor(
      async () => {
        const found = (await pending()).find((item) => item.messageId === messageId);
        expect(found).toBeDefined();
        return found!;
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(letter.error).not.toBe('');
    const system = (await call('GET', '/api/admin/system', { token: admin })).body;
    const notifications = system.services.find((service: { name: string }) => service.name === 'notifications');
    expect(notifications.messaging.deadLettersPending).toBeGreaterThanOrEqual(1);
    expect(notifications.replicas[0].status).toBe('ready');

    // The consumer is still at work: a checkout after the poison is confirmed and its notification arrives.
    const token = await shopper('after-poison');
    const { product } = await productInStock(1);
    await call('POST', '/api/cart/items', { token, body: { productId: product.id, quantity: 1 } });
    const placed = await checkout(token, `key-${Date.now()}-after-poison`, 'tok_visa');
    expect((await finalStatus(token, placed.body.orderId ?? placed.body.id)).status).toBe('CONFIRMED');
    await vi.waitFor(
      async () => expect((await call('GET', '/api/notifications', { token })).body.items.map((n: { kind: string }) => n.kind)).toContain('order-confirmed'),
      { timeout: 10_000, interval: 200 },
    );

    // Re-driven unchanged, it is still malformed: it comes back as a new dead letter, never as processed.
    const redriven = await call('POST', `/api/admin/dead-letters/notifications/${letter.id}/redrive`, { token: admin, body: {} });
    expect(redriven.status).toBe(200);
    await vi.waitFor(
      async () => expect((await pending()).filter((item) => item.messageId === messageId && item.id !== letter.id)).toHaveLength(1),
      { timeout: 20_000, interval: 200 },
    );
  }, 90_000);
});
