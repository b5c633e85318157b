import { databaseUrl } from '@bazaar/platform/db';
import { newId } from '@bazaar/platform/ids';
import { createInProcessBroker } from '@bazaar/platform/messaging';
import { testLogger } from '@bazaar/platform/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutBody, createOrdersFixture, lamp, type OrdersFixture } from './support/orders.fixture.ts';

describe('checkout and the order history over HTTP (no participants answer, so orders stay pending)', () => {
  const broker = createInProcessBroker({ logger: testLogger('broker') });
  let fixture: OrdersFixture;
  let sql: pg.Pool;
  let alice: { userId: string; token: string };
  let bob: { userId: string; token: string };
  let adminToken: string;

  const user = async () => {
    const userId = newId('usr');
    return { userId, token: await fixture.issuer.token({ roles: ['customer'], userId }) };
  };
  const count = async (table: string) => Number((await sql.query<{ count: string }>(`SELECT count(*) FROM ${table}`)).rows[0]!.count);

  beforeAll(async () => {
    fixture = await createOrdersFixture({ broker, env: { ORDERS_CHECKOUT_WAIT_MS: '0' } });
    await fixture.start();
    sql = new pg.Pool({ connectionString: databaseUrl(fixture.databaseServerUrl, fixture.databaseName), max: 2 });
    alice = await user();
    bob = await user();
    adminToken = await fixture.issuer.token({ roles: ['customer', 'admin'], userId: newId('usr') });
    fixture.carts.fill(alice.userId, [lamp()]);
    fixture.carts.fill(bob.userId, [lamp('SKU-BOOK', 1)]);
  });
  afterAll(async () => {
    await sql.end();
    await fixture.drop();
    await broker.close();
  });

  it('accepts a checkout with 202, places the order, starts the saga and announces order.placed', async () => {
    const response = await fixture.request({ method: 'POST', url: '/api/checkout', token: alice.token, key: newId('key'), body: checkoutBody() });
    expect(response.statusCode).toBe(202);
    const { orderId, status, statusUrl } = response.json<{ orderId: string; status: string; statusUrl: string }>();
    expect(status).toBe('PENDING');
    expect(statusUrl).toBe(`/api/orders/${orderId}`);

    const order = await fixture.request({ method: 'GET', url: statusUrl, token: alice.token });
    expect(order.json()).toMatchObject({ id: orderId, status: 'PENDING', totalMinor: 2500, currency: 'USD', cancelReason: null, lines: [{ sku: 'SKU-LAMP', quantity: 2 }] });
    expect(await fixture.orders().orchestrator.inspect(orderId)).toMatchObject({ status: 'running', currentStep: 'reserve-stock' });
    const { rows } = await sql.query<{ type: string }>(`SELECT type FROM outbox WHERE headers->>'correlationId' = $1 ORDER BY id`, [orderId]);
    expect(rows.map((row) => row.type).sort()).toEqual(['inventory.reserve-stock', 'order.placed']);
  });

  it('answers the same key and body with the same order, and refuses the key with another body', async () => {
    const key = newId('key');
    const first = await fixture.request({ method: 'POST', url: '/api/checkout', token: alice.token, key, body: checkoutBody() });
    const again = await fixture.request({ method: 'POST', url: '/api/checkout', token: alice.token, key, body: checkoutBody() });
    expect(again.json<{ orderId: string }>().orderId).toBe(first.json<{ orderId: string }>().orderId);

    const orders = await count('order_events');
    const changed = await fixture.request({ method: 'POST', url: '/api/checkout', token: alice.token, key, body: checkoutBody('tok_chargeDeclined') });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'ORDERS.IDEMPOTENCY_KEY_REUSED' });
    expect(await count('order_events')).toBe(orders);
  });

  it('makes one order of two concurrent identical checkouts', async () => {
    const key = newId('key');
    const before = await count('orders_history');
    const responses = await Promise.all(
      [1, 2, 3].map(() => fixture.request({ method: 'POST', url: '/api/checkout', token: alice.token, key, body: checkoutBody() })),
    );
    expect(responses.map((response) => response.statusCode)).toEqual([202, 202, 202]);
    expect(new Set(responses.map((response) => response.json<{ orderId: string }>().orderId)).size).toBe(1);
    expect(await count('orders_history')).toBe(before + 1);
  });

  it('refuses an empty cart, a missing or malformed key and a malformed body, and writes nothing', async () => {
    const before = await count('order_events');
    const empty = await user();
    const emptyCart = await fixture.request({ method: 'POST', url: '/api/checkout', token: empty.token, key: newId('key'), body: checkoutBody() });
    expect(emptyCart.statusCode).toBe(422);
    expect(emptyCart.json()).toMatchObject({ code: 'ORDERS.EMPTY_CART' });

    for (const key of [undefined, 'short', 'has spaces in it', 'x'.repeat(129)]) {
      const response = await fixture.request({ method: 'POST', url: '/api/checkout', token: alice.token, ...(key !== undefined && { key }), body: checkoutBody() });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'ORDERS.INVALID_IDEMPOTENCY_KEY' });
    }
    const extra = await fixture.request({ method: 'POST', url: '/api/checkout', token: alice.token, key: newId('key'), body: { ...checkoutBody(), coupon: 'FREE' } });
    expect(extra.statusCode).toBe(400);
    const country = checkoutBody();
    const badCountry = await fixture.request({
      method: 'POST',
      url: '/api/checkout',
      token: alice.token,
      key: newId('key'),
      body: { ...country, shippingAddress: { ...country.shippingAddress, country: 'Britain' } },
    });
    expect(badCountry.statusCode).toBe(400);
    expect(await count('order_events')).toBe(before);
  });

  it('refuses a checkout without a token', async () => {
    const response = await fixture.orders().app.inject({ method: 'POST', url: '/api/checkout', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(checkoutBody()) });
    expect(response.statusCode).toBe(401);
  });

  it("never shows another user's order: it is not found, like a missing one", async () => {
    const placed = await fixture.request({ method: 'POST', url: '/api/checkout', token: bob.token, key: newId('key'), body: checkoutBody() });
    const { statusUrl } = placed.json<{ statusUrl: string }>();
    const stranger = await fixture.request({ method: 'GET', url: statusUrl, token: alice.token });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body).not.toContain(bob.userId);
    const missing = await fixture.request({ method: 'GET', url: `/api/orders/${newId('ord')}`, token: alice.token });
    expect(missing.statusCode).toBe(404);
  });

  it('shows admins the event history and the saga steps of any order', async () => {
    const placed = await fixture.request({ method: 'POST', url: '/api/checkout', token: bob.token, key: newId('key'), body: checkoutBody() });
    const response = await fixture.request({ method: 'GET', url: placed.json<{ statusUrl: string }>().statusUrl, token: adminToken });
    expect(response.json()).toMatchObject({
      userId: bob.userId,
      events: [{ version: 1, type: 'OrderPlaced' }],
      saga: { status: 'running', currentStep: 'reserve-stock', steps: [{ stepId: 'reserve-stock', phase: 'forward', status: 'sent' }] },
    });
  });

  it("lists a customer's own orders page by page, and everyone's for an admin", async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await fixture.request({ method: 'GET', url, token: bob.token })).json<{ items: { id: string; userId: string }[]; nextCursor: string | null }>();
      expect(page.items.every((item) => item.userId === bob.userId)).toBe(true);
      pages.push(page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.flat()).toHaveLength(2);
    expect(pages.flat()).toEqual([...pages.flat()].sort().reverse());

    const all = (await fixture.request({ method: 'GET', url: '/api/orders?limit=100', token: adminToken })).json<{ items: { userId: string }[] }>();
    expect(new Set(all.items.map((item) => item.userId))).toEqual(new Set([alice.userId, bob.userId]));
    const badCursor = await fixture.request({ method: 'GET', url: '/api/orders?cursor=nope', token: bob.token });
    expect(badCursor.statusCode).toBe(400);
  });

  it('answers a concurrent twin whose cart the first order emptied meanwhile with that order, not an empty cart', async () => {
    const key = newId('key');
    const carol = await user();
    const read = fixture.carts.read;
    let firstDone!: () => void;
    const firstAnswered = new Promise<void>((resolve) => (firstDone = resolve));
    let reads = 0;
    // The twin comes first but reads the cart only after the other request placed the order and order.placed emptied it.
    fixture.carts.read = async () => {
      reads += 1;
      if (reads === 1) {
        await firstAnswered;
        return [];
      }
      return [lamp()];
    };
    try {
      const twin = fixture.request({ method: 'POST', url: '/api/checkout', token: carol.token, key, body: checkoutBody() });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const first = await fixture.request({ method: 'POST', url: '/api/checkout', token: carol.token, key, body: checkoutBody() });
      firstDone();
      const second = await twin;
      expect(reads).toBe(2);
      expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
      expect(second.json<{ orderId: string }>().orderId).toBe(first.json<{ orderId: string }>().orderId);
    } finally {
      fixture.carts.read = read;
    }
  });
});
