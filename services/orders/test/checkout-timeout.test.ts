import { newId } from '@bazaar/platform/ids';
import { createInProcessBroker } from '@bazaar/platform/messaging';
import { testLogger } from '@bazaar/platform/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkoutBody, createOrdersFixture, lamp, type OrdersFixture } from './support/orders.fixture.ts';
import { startParticipants, type ParticipantsFixture } from './support/participants.fixture.ts';

describe('a checkout whose payment answers after the step timeout', () => {
  const broker = createInProcessBroker({ logger: testLogger('broker') });
  let fixture: OrdersFixture;
  let participants: ParticipantsFixture;

  beforeAll(async () => {
    fixture = await createOrdersFixture({
      broker,
      env: { ORDERS_CHECKOUT_WAIT_MS: '0', ORDERS_SAGA_STEP_TIMEOUT_MS: '1000', ORDERS_SAGA_UNDO_TIMEOUT_MS: '2000' },
    });
    await fixture.start();
    participants = await startParticipants(broker, fixture.issuer);
  }, 60_000);
  afterAll(async () => {
    await fixture.drop();
    await participants.close();
    await broker.close();
  });

  it('is cancelled: the authorization is voided, the stock goes back and nothing is captured', async () => {
    const sku = 'sku_slow-1';
    await participants.stock(sku, 5);
    const capturesBefore = await participants.captures();
    const userId = newId('usr');
    fixture.carts.fill(userId, [lamp(sku, 2)]);
    const token = await fixture.issuer.token({ roles: ['customer'], userId });
    const releasePayments = participants.holdPayments();
    const placed = await fixture.request({ method: 'POST', url: '/api/checkout', token, key: newId('key'), body: checkoutBody() });
    const { orderId } = placed.json<{ orderId: string }>();

    await vi.waitFor(
      async () => {
        const saga = await fixture.orders().orchestrator.inspect(orderId);
        if (saga?.status !== 'compensating') throw new Error(`saga ${saga?.status} at ${saga?.currentStep}`);
      },
      { timeout: 20_000, interval: 50 },
    );
    // The late authorization and the void now race at payments, as they would after a slow provider.
    releasePayments();

    const order = await vi.waitFor(
      async () => {
        const current = (await fixture.request({ method: 'GET', url: `/api/orders/${orderId}`, token })).json<{ status: string; cancelReason: string | null }>();
        if (current.status !== 'CANCELLED') throw new Error(`still ${current.status}`);
        return current;
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(order.cancelReason).toMatch(/authorize-payment.*no reply/);
    await vi.waitFor(async () => expect(await participants.paymentStatus(orderId)).toBe('voided'), { timeout: 10_000 });
    expect(await participants.available(sku)).toBe(5);
    expect(await participants.captures()).toBe(capturesBefore);
  });
});
