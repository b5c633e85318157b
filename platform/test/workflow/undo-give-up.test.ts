import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from '@bazaar/platform/db';
import { defineSaga, defineStep } from '@bazaar/platform/workflow';
import { manualClock } from './support/manual.clock.ts';
import { createParticipant } from './support/participant.ts';
import type { ShopTables } from './support/shop.tables.ts';
import { authorizePayment } from './support/shop/authorize-payment.step.ts';
import type { ShopOrder } from './support/shop/shop-order.ts';
import { nextOrderId, openShopDatabase, sagaOf, shopEvents, shopOrchestrator } from './support/workflow.harness.ts';

let db: Kysely<ShopTables>;
let close: () => Promise<void>;
const clock = manualClock();

beforeAll(async () => {
  ({ db, close } = await openShopDatabase());
});
afterAll(() => close());

const reserveWithTwoReleases = defineStep<ShopOrder>({
  id: 'reserve-stock',
  doc: 'Reserves stock; its release is tried twice and then left to an operator.',
  timeoutMs: 5_000,
  command: (order) => ({ type: 'ReserveStock', payload: { orderId: order.orderId } }),
  onReply: (_order, reply) => (reply.type === 'stock.reserved' ? { ok: true } : { ok: false, reason: reply.type }),
  compensation: {
    timeoutMs: 2_000,
    maxAttempts: 2,
    command: (order) => ({ type: 'ReleaseStock', payload: { orderId: order.orderId } }),
    onReply: (_order, reply) => (reply.type === 'stock.released' ? { ok: true } : { ok: false, reason: reply.type }),
  },
});

const limitedCheckout = defineSaga<ShopOrder, ShopTables>({
  name: 'limited-checkout',
  steps: [reserveWithTwoReleases, authorizePayment],
  async onFailed(trx, saga) {
    const detail = JSON.stringify({ reason: saga.reason, status: saga.status });
    await trx.insertInto('test_events').values({ saga_id: saga.id, type: 'OrderCancelled', detail }).execute();
  },
});

describe('an undo with a limit on its attempts', () => {
  it('ends the saga failed, pointing at the undo, once the limit is spent', async () => {
    const registry = new Registry();
    const orchestrator = shopOrchestrator(db, clock, { sagas: [limitedCheckout], registry });
    const participant = createParticipant(db, orchestrator);
    const orderId = nextOrderId();
    await orchestrator.start(db, 'limited-checkout', orderId, { orderId, amount: 1 });
    await participant.answer(orderId, 'success');
    await participant.answer(orderId, 'failure');

    await participant.answer(orderId, 'failure');
    await orchestrator.tick(clock.advance(1_000));
    await participant.answer(orderId, 'failure');

    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'failed', currentStep: 'reserve-stock', deadlineAt: null, failureReason: 'card declined' });
    expect(await shopEvents(db, orderId)).toEqual([{ type: 'OrderCancelled', detail: { reason: 'card declined', status: 'failed' } }]);
    expect(await orchestrator.tick(clock.advance(60_000))).toMatchObject({ processed: 0 });
    const outcomes = await registry.getSingleMetric('saga_outcomes_total')?.get();
    expect(outcomes?.values).toEqual([{ value: 1, labels: { saga: 'limited-checkout', status: 'failed' } }]);
  });
});
