import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from '@bazaar/platform/db';
import { manualClock } from './support/manual.clock.ts';
import { createParticipant } from './support/participant.ts';
import type { ShopTables } from './support/shop.tables.ts';
import { commandTypes, nextOrderId, openShopDatabase, sagaOf, shopEvents, shopOrchestrator } from './support/workflow.harness.ts';

let db: Kysely<ShopTables>;
let close: () => Promise<void>;
const clock = manualClock();

beforeAll(async () => {
  ({ db, close } = await openShopDatabase());
});
afterAll(() => close());

async function started() {
  const orchestrator = shopOrchestrator(db, clock);
  const participant = createParticipant(db, orchestrator);
  const orderId = nextOrderId();
  await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 4_200 });
  return { orchestrator, participant, orderId };
}

describe('a saga with a failing step', () => {
  it('undoes the steps that succeeded, not the one that failed, and ends compensated with its reason', async () => {
    const { orchestrator, participant, orderId } = await started();
    await participant.answer(orderId, 'success');
    await participant.answer(orderId, 'failure');

    const saga = await sagaOf(orchestrator, orderId);
    expect(saga).toMatchObject({ status: 'compensating', currentStep: 'reserve-stock', failureReason: 'card declined' });
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment', 'ReleaseStock']);

    await participant.answer(orderId, 'success');
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'compensated', currentStep: null, deadlineAt: null, failureReason: 'card declined' });
    expect(await shopEvents(db, orderId)).toEqual([{ type: 'OrderCancelled', detail: { reason: 'card declined', status: 'compensated' } }]);
  });

  it('undoes in reverse order, local undos included, when the last step fails', async () => {
    const { orchestrator, participant, orderId } = await started();
    await participant.answer(orderId, 'success');
    await participant.answer(orderId, 'success');
    await participant.answer(orderId, 'failure');
    await participant.answerAll(orderId);

    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment', 'CapturePayment', 'VoidPayment', 'ReleaseStock']);
    expect((await shopEvents(db, orderId)).map((event) => event.type)).toEqual(['order-confirmed-locally', 'order-unconfirmed', 'OrderCancelled']);
    const saga = await sagaOf(orchestrator, orderId);
    expect(saga).toMatchObject({ status: 'compensated', failureReason: 'authorization expired' });
    expect(saga.steps.map((step) => [step.stepId, step.phase, step.status])).toEqual([
      ['reserve-stock', 'forward', 'succeeded'],
      ['authorize-payment', 'forward', 'succeeded'],
      ['confirm-order', 'forward', 'succeeded'],
      ['capture-payment', 'forward', 'failed'],
      ['confirm-order', 'compensate', 'succeeded'],
      ['authorize-payment', 'compensate', 'succeeded'],
      ['reserve-stock', 'compensate', 'succeeded'],
    ]);
  });

  it('ends compensated at once when the first step fails, with nothing to undo', async () => {
    const { orchestrator, participant, orderId } = await started();
    await participant.answer(orderId, 'failure');

    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'compensated', failureReason: 'out of stock' });
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock']);
    expect(await shopEvents(db, orderId)).toEqual([{ type: 'OrderCancelled', detail: { reason: 'out of stock', status: 'compensated' } }]);
  });

  it('keeps the failing reply in the step history', async () => {
    const { orchestrator, participant, orderId } = await started();
    await participant.answer(orderId, 'failure');

    const [reserve] = (await sagaOf(orchestrator, orderId)).steps;
    expect(reserve).toMatchObject({ stepId: 'reserve-stock', phase: 'forward', status: 'failed', attempts: 1 });
    expect(reserve?.detail).toMatchObject({ command: 'ReserveStock', reply: 'stock.reservation-failed', reason: 'out of stock' });
  });
});
