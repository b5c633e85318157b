import { Registry } from 'prom-client';
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

describe('a saga whose steps all succeed', () => {
  it('runs the steps in order, keeps what each reply added, and completes', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    const participant = createParticipant(db, orchestrator);
    const orderId = nextOrderId();
    expect(await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 4_200 })).toEqual({ started: true });

    await participant.answerAll(orderId);

    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment', 'CapturePayment']);
    const saga = await sagaOf(orchestrator, orderId);
    expect(saga).toMatchObject({ status: 'completed', currentStep: null, deadlineAt: null, failureReason: null });
    expect(saga.data).toEqual({ orderId, amount: 4_200, reservationId: 'rsv_1', authorizationId: 'auth_1', confirmed: true, captureId: 'cap_1' });
    expect(saga.steps.map((step) => [step.stepId, step.phase, step.status])).toEqual([
      ['reserve-stock', 'forward', 'succeeded'],
      ['authorize-payment', 'forward', 'succeeded'],
      ['confirm-order', 'forward', 'succeeded'],
      ['capture-payment', 'forward', 'succeeded'],
    ]);
    expect((await shopEvents(db, orderId)).map((event) => event.type)).toEqual(['order-confirmed-locally', 'OrderConfirmed']);
  });

  it('records when each attempt was sent and when its reply ended it, in the statement that saves the saga', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    const participant = createParticipant(db, orchestrator);
    const orderId = nextOrderId();
    const sent = clock.now();
    await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 4_200 });
    const replied = clock.advance(1_500);
    await participant.answer(orderId, 'success');

    const [reservation] = (await sagaOf(orchestrator, orderId)).steps;
    expect(reservation).toMatchObject({ stepId: 'reserve-stock', status: 'succeeded', attempts: 1, sentAt: sent, completedAt: replied });
    expect(reservation!.detail).toMatchObject({ command: 'ReserveStock', reply: 'stock.reserved' });
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ currentStep: 'authorize-payment', awaitedAttempt: 1 });
  });

  it('waits for each reply before sending the next command, with the step timeout as its deadline', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    const participant = createParticipant(db, orchestrator);
    const orderId = nextOrderId();
    await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 100 });

    expect((await participant.pending(orderId)).map((command) => [command.type, command.phase, command.attempt])).toEqual([['ReserveStock', 'forward', 1]]);
    const saga = await sagaOf(orchestrator, orderId);
    expect(saga).toMatchObject({ status: 'running', currentStep: 'reserve-stock' });
    expect(saga.deadlineAt?.getTime()).toBe(clock.now().getTime() + 5_000);
  });

  it('writes the instance and its first command in the caller transaction, so a rollback leaves neither', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    const orderId = nextOrderId();
    const rolledBack = db.transaction().execute(async (trx) => {
      await orchestrator.start(trx, 'shop-checkout', orderId, { orderId, amount: 100 });
      throw new Error('the order could not be placed after all');
    });
    await expect(rolledBack).rejects.toThrow('could not be placed');
    expect(await orchestrator.inspect(orderId)).toBeUndefined();
    expect(await commandTypes(db, orderId)).toEqual([]);
  });

  it('does nothing when a saga with the same id is started again', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    const orderId = nextOrderId();
    await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 100 });
    expect(await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 999 })).toEqual({ started: false });
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock']);
    expect((await sagaOf(orchestrator, orderId)).data).toEqual({ orderId, amount: 100 });
  });

  it('refuses to start a saga it does not know', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    await expect(orchestrator.start(db, 'no-such-saga', nextOrderId(), {})).rejects.toThrow(/No saga named 'no-such-saga'/);
  });

  it('counts completed sagas in the registry it was given', async () => {
    const registry = new Registry();
    const orchestrator = shopOrchestrator(db, clock, { registry });
    const participant = createParticipant(db, orchestrator);
    const orderId = nextOrderId();
    await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 100 });
    await participant.answerAll(orderId);

    const outcomes = await registry.getSingleMetric('saga_outcomes_total')?.get();
    expect(outcomes?.values).toEqual([{ value: 1, labels: { saga: 'shop-checkout', status: 'completed' } }]);
  });
});
