import { databaseUrl } from '@bazaar/platform/db';
import { newId } from '@bazaar/platform/ids';
import { createInProcessBroker, createRabbitBroker, type Broker } from '@bazaar/platform/messaging';
import { adminConnection, deleteTopology, testAmqpUrl, testLogger, uniqueExchange } from '@bazaar/platform/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkoutBody, createOrdersFixture, lamp, type OrdersFixture } from './support/orders.fixture.ts';
import { startParticipants, type ParticipantsFixture } from './support/participants.fixture.ts';

interface OrderBody {
  status: string;
  cancelReason: string | null;
  events?: { type: string }[];
}

/** The broker the saga's commands and replies travel over, and how to leave it as it was found. */
interface BrokerUnderTest {
  readonly name: string;
  open(): { broker: Broker; release(): Promise<void> };
}

// Every consumer the participants and orders declare: the RabbitMQ run removes their queues afterwards.
const CONSUMERS = ['inventory-commands', 'inventory-orders', 'payments-commands', 'orders-saga'];

const buyerEmail = (userId: string) => `${userId.toLowerCase()}@example.com`;

const BROKERS: BrokerUnderTest[] = [
  {
    name: 'the in-process broker',
    open() {
      const broker = createInProcessBroker({ logger: testLogger('broker') });
      return { broker, release: () => broker.close() };
    },
  },
  {
    name: 'RabbitMQ',
    open() {
      const exchange = uniqueExchange('checkout-saga');
      const broker = createRabbitBroker({ url: testAmqpUrl(), exchange, logger: testLogger('broker') });
      return {
        broker,
        async release() {
          await broker.close();
          const admin = adminConnection();
          await deleteTopology(admin, exchange, CONSUMERS);
          await admin.close();
        },
      };
    },
  },
];

describe.each(BROKERS)('the checkout saga with real inventory and payments over $name', (brokerUnderTest) => {
  const { broker, release } = brokerUnderTest.open();
  let fixture: OrdersFixture;
  let participants: ParticipantsFixture;
  let adminToken: string;

  beforeAll(async () => {
    fixture = await createOrdersFixture({ broker, env: { ORDERS_CHECKOUT_WAIT_MS: '0' } });
    await fixture.start();
    participants = await startParticipants(broker, fixture.issuer);
    adminToken = await fixture.issuer.token({ roles: ['customer', 'admin'], userId: newId('usr') });
  }, 60_000);
  afterAll(async () => {
    await fixture.drop();
    await participants.close();
    await release();
  });

  async function checkoutAs(sku: string, quantity: number, paymentToken = 'tok_visa'): Promise<string> {
    const userId = newId('usr');
    fixture.carts.fill(userId, [lamp(sku, quantity)]);
    const token = await fixture.issuer.token({ roles: ['customer'], userId, email: buyerEmail(userId) });
    const response = await fixture.request({ method: 'POST', url: '/api/checkout', token, key: newId('key'), body: checkoutBody(paymentToken) });
    expect(response.statusCode).toBe(202);
    return response.json<{ orderId: string }>().orderId;
  }

  /** What orders told the rest of the system about `orderId`, by message type. */
  async function published(orderId: string): Promise<Record<string, { userId: string; email?: string }>> {
    const client = new pg.Client({ connectionString: databaseUrl(fixture.databaseServerUrl, fixture.databaseName) });
    await client.connect();
    try {
      const { rows } = await client.query<{ type: string; payload: { userId: string; email?: string } }>("SELECT type, payload FROM outbox WHERE payload->>'orderId' = $1", [orderId]);
      return Object.fromEntries(rows.map((row) => [row.type, row.payload]));
    } finally {
      await client.end();
    }
  }

  async function finalOrder(orderId: string): Promise<OrderBody> {
    return vi.waitFor(
      async () => {
        // The saga first: once it has ended, the order holds everything the saga wrote with its last step.
        const saga = await fixture.orders().orchestrator.inspect(orderId);
        if (saga?.status === 'running' || saga?.status === 'compensating') throw new Error(`saga still ${saga.status}`);
        const order = (await fixture.request({ method: 'GET', url: `/api/orders/${orderId}`, token: adminToken })).json<OrderBody>();
        if (order.status !== 'CONFIRMED' && order.status !== 'CANCELLED') throw new Error(`still ${order.status}`);
        return order;
      },
      { timeout: 30_000, interval: 100 },
    );
  }

  it('confirms an order with stock and a good card, reserving its stock and capturing once', async () => {
    const sku = 'sku_happy-1';
    await participants.stock(sku, 5);
    const capturesBefore = await participants.captures();
    const orderId = await checkoutAs(sku, 2);
    const order = await finalOrder(orderId);
    expect(order.status).toBe('CONFIRMED');
    expect(order.events?.map((event) => event.type)).toEqual(['OrderPlaced', 'StockReserved', 'PaymentAuthorized', 'OrderConfirmed', 'PaymentCaptured']);
    expect(await participants.paymentStatus(orderId)).toBe('captured');
    expect((await participants.captures()) - capturesBefore).toBe(1);
    expect(await participants.available(sku)).toBe(3);
    await vi.waitFor(async () => expect(await participants.reservationStatus(orderId)).toBe('confirmed'), { timeout: 10_000 });
    // The confirmation goes to the address the buyer signed in with, so notifications need not look it up.
    const confirmed = (await published(orderId))['order.confirmed'];
    expect(confirmed).toMatchObject({ email: buyerEmail(confirmed!.userId) });
  });

  it('takes every reply once when each arrives twice: one order history, one capture', async () => {
    const sku = 'sku_twice-1';
    await participants.stock(sku, 5);
    const capturesBefore = await participants.captures();
    participants.duplicateReplies(true);
    try {
      const orderId = await checkoutAs(sku, 1);
      const order = await finalOrder(orderId);
      expect(order.events?.map((event) => event.type)).toEqual(['OrderPlaced', 'StockReserved', 'PaymentAuthorized', 'OrderConfirmed', 'PaymentCaptured']);
      expect((await participants.captures()) - capturesBefore).toBe(1);
      expect(await participants.available(sku)).toBe(4);
    } finally {
      participants.duplicateReplies(false);
    }
  });

  it('cancels an order whose card is declined, with the reason, giving its stock back and capturing nothing', async () => {
    const sku = 'sku_declined-1';
    await participants.stock(sku, 5);
    const capturesBefore = await participants.captures();
    const orderId = await checkoutAs(sku, 2, 'tok_chargeDeclined');
    const order = await finalOrder(orderId);
    expect(order.status).toBe('CANCELLED');
    expect(order.cancelReason).toMatch(/DECLINED/);
    expect(await participants.available(sku)).toBe(5);
    expect(await participants.reservationStatus(orderId)).toBe('released');
    expect(await participants.captures()).toBe(capturesBefore);
    expect(await participants.paymentStatus(orderId)).not.toBe('captured');
    const cancelled = (await published(orderId))['order.cancelled'];
    expect(cancelled).toMatchObject({ email: buyerEmail(cancelled!.userId) });
  });

  it('cancels an order whose stock is short, charging nothing', async () => {
    const sku = 'sku_short-1';
    await participants.stock(sku, 1);
    const orderId = await checkoutAs(sku, 3);
    const order = await finalOrder(orderId);
    expect(order.status).toBe('CANCELLED');
    expect(order.cancelReason).toMatch(/INVENTORY\./);
    expect(await participants.paymentStatus(orderId)).toBeUndefined();
    expect(await participants.available(sku)).toBe(1);
  });

  it('finishes a saga after orders is stopped while it awaits a reply and started again over the same database', async () => {
    const sku = 'sku_restart-1';
    await participants.stock(sku, 5);
    const releasePayments = participants.holdPayments();
    const orderId = await checkoutAs(sku, 1);
    await vi.waitFor(
      async () => {
        const saga = await fixture.orders().orchestrator.inspect(orderId);
        if (saga?.currentStep !== 'authorize-payment') throw new Error(`saga at ${saga?.currentStep}`);
      },
      { timeout: 30_000, interval: 20 },
    );
    await fixture.stop();
    // Payments answers while orders is down: the reply waits in the broker for orders' consumer.
    releasePayments();
    await fixture.start();
    const order = await finalOrder(orderId);
    expect(order.status).toBe('CONFIRMED');
    expect(await participants.paymentStatus(orderId)).toBe('captured');
    expect(await participants.available(sku)).toBe(4);
  });
});

describe('a checkout that waits for its saga', () => {
  const broker = createInProcessBroker({ logger: testLogger('broker') });
  let fixture: OrdersFixture;
  let participants: ParticipantsFixture;

  beforeAll(async () => {
    fixture = await createOrdersFixture({ broker, env: { ORDERS_CHECKOUT_WAIT_MS: '10000' } });
    await fixture.start();
    participants = await startParticipants(broker, fixture.issuer);
  }, 60_000);
  afterAll(async () => {
    await fixture.drop();
    await participants.close();
    await broker.close();
  });

  it.each([
    ['tok_visa', 'CONFIRMED', 'sku_waited-1'],
    ['tok_chargeDeclined', 'CANCELLED', 'sku_waited-2'],
  ])('answers a checkout paid with %s with its final state, %s, before its wait runs out', async (paymentToken, status, sku) => {
    await participants.stock(sku, 5);
    const userId = newId('usr');
    fixture.carts.fill(userId, [lamp(sku, 1)]);
    const token = await fixture.issuer.token({ roles: ['customer'], userId, email: buyerEmail(userId) });
    const began = Date.now();
    const response = await fixture.request({ method: 'POST', url: '/api/checkout', token, key: newId('key'), body: checkoutBody(paymentToken) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status });
    expect(Date.now() - began).toBeLessThan(10_000);
  });
});
