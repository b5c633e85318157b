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

describe('a reply delivered more than once', () => {
  it('moves the saga once', async () => {
    const { orchestrator, participant, orderId } = await started();
    const reservation = await participant.awaited(orderId);

    expect(await participant.reply(reservation, 'success', 'msg_1')).toEqual({ applied: true });
    expect(await participant.reply(reservation, 'success', 'msg_1')).toEqual({ applied: false, ignored: 'the saga is not waiting for this step' });
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment']);
    expect((await sagaOf(orchestrator, orderId)).version).toBe(2);
  });

  it('moves the saga once when both copies arrive at the same time', async () => {
    const { participant, orderId } = await started();
    const reservation = await participant.awaited(orderId);

    const outcomes = await Promise.all([participant.reply(reservation, 'success', 'msg_2'), participant.reply(reservation, 'success', 'msg_2')]);
    expect(outcomes.filter((outcome) => outcome.applied)).toHaveLength(1);
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment']);
  });

  it('sends one undo for a failure reply that came twice', async () => {
    const { orchestrator, participant, orderId } = await started();
    await participant.answer(orderId, 'success');
    const authorization = await participant.awaited(orderId);

    await participant.reply(authorization, 'failure', 'msg_3');
    await participant.reply(authorization, 'failure', 'msg_3');
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment', 'ReleaseStock']);
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'compensating', failureReason: 'card declined' });
  });

  it('ends the saga once when the last reply came twice', async () => {
    const { participant, orderId } = await started();
    await participant.answer(orderId, 'success');
    await participant.answer(orderId, 'success');
    const capture = await participant.awaited(orderId);

    await participant.reply(capture, 'success', 'msg_4');
    expect(await participant.reply(capture, 'success', 'msg_4')).toEqual({ applied: false, ignored: 'the saga is completed' });
    expect((await shopEvents(db, orderId)).map((event) => event.type)).toEqual(['order-confirmed-locally', 'OrderConfirmed']);
  });
});

describe('a reply that belongs to no wait', () => {
  it('is ignored when no saga has its correlation id', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    const outcome = await orchestrator.handleReply(db, {
      correlationId: 'ord_unknown',
      stepId: 'reserve-stock',
      phase: 'forward',
      attempt: 1,
      replyType: 'stock.reserved',
      payload: {},
      messageId: 'msg_5',
    });
    expect(outcome).toEqual({ applied: false, ignored: 'no saga has this id' });
  });

  it('is ignored when it claims the undo phase of a step that is still going forward', async () => {
    const { orchestrator, orderId } = await started();
    const outcome = await orchestrator.handleReply(db, {
      correlationId: orderId,
      stepId: 'reserve-stock',
      phase: 'compensate',
      attempt: 1,
      replyType: 'stock.released',
      payload: {},
      messageId: 'msg_6',
    });
    expect(outcome).toEqual({ applied: false, ignored: 'the saga is not waiting for this step' });
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'running', currentStep: 'reserve-stock', version: 1 });
  });
});
