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

/** A saga whose stock is reserved and whose payment authorization has been sent but not answered. */
async function awaitingAuthorization() {
  const orchestrator = shopOrchestrator(db, clock);
  const participant = createParticipant(db, orchestrator);
  const orderId = nextOrderId();
  await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 4_200 });
  await participant.answer(orderId, 'success');
  const authorization = await participant.awaited(orderId);
  return { orchestrator, participant, orderId, authorization };
}

describe('a step that gets no reply', () => {
  it('is left alone until its deadline', async () => {
    const { orchestrator, orderId } = await awaitingAuthorization();
    const sentAt = clock.now().getTime();
    expect(await orchestrator.tick(new Date(sentAt + 4_999))).toMatchObject({ processed: 0 });
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'running', currentStep: 'authorize-payment' });
  });

  it('is compensated after its deadline, its own undo first because its effect is unknown', async () => {
    const { orchestrator, participant, orderId } = await awaitingAuthorization();
    await orchestrator.tick(clock.advance(5_000));

    const saga = await sagaOf(orchestrator, orderId);
    expect(saga).toMatchObject({ status: 'compensating', currentStep: 'authorize-payment', failureReason: "Step 'authorize-payment' got no reply within 5000 ms" });
    expect(saga.steps.find((step) => step.stepId === 'authorize-payment' && step.phase === 'forward')?.status).toBe('timed_out');

    await participant.answer(orderId, 'success');
    await participant.answer(orderId, 'success');
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment', 'VoidPayment', 'ReleaseStock']);
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'compensated' });
    expect((await shopEvents(db, orderId)).map((event) => event.detail['reason'])).toEqual(["Step 'authorize-payment' got no reply within 5000 ms"]);
  });

  it('ignores the reply that arrives after the timeout', async () => {
    const { orchestrator, participant, orderId, authorization } = await awaitingAuthorization();
    await orchestrator.tick(clock.advance(5_000));

    expect(await participant.reply(authorization, 'success')).toEqual({ applied: false, ignored: 'the saga is not waiting for this step' });
    const saga = await sagaOf(orchestrator, orderId);
    expect(saga).toMatchObject({ status: 'compensating', currentStep: 'authorize-payment' });
    expect(saga.data).not.toHaveProperty('authorizationId');
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment', 'VoidPayment']);
  });

});
