import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from '@bazaar/platform/db';
import { manualClock } from './support/manual.clock.ts';
import { createParticipant } from './support/participant.ts';
import type { ShopTables } from './support/shop.tables.ts';
import { nextOrderId, openShopDatabase, sagaOf, shopEvents, shopOrchestrator } from './support/workflow.harness.ts';

let db: Kysely<ShopTables>;
let close: () => Promise<void>;
const clock = manualClock();

beforeAll(async () => {
  ({ db, close } = await openShopDatabase());
});
afterAll(() => close());

/** A saga whose payment was declined after its stock was reserved: it now waits for the stock to be released. */
async function releasingStock(registry?: Registry) {
  const orchestrator = shopOrchestrator(db, clock, registry ? { registry } : {});
  const participant = createParticipant(db, orchestrator);
  const orderId = nextOrderId();
  await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 4_200 });
  await participant.answer(orderId, 'success');
  await participant.answer(orderId, 'failure');
  return { orchestrator, participant, orderId };
}

const releases = async (orderId: string) =>
  (await db.selectFrom('test_commands').select('attempt').where('saga_id', '=', orderId).where('type', '=', 'ReleaseStock').orderBy('id').execute()).map(
    (row) => row.attempt,
  );

describe('an undo that fails', () => {
  it('is retried with a doubling backoff until it succeeds, and the original reason stays', async () => {
    const registry = new Registry();
    const { orchestrator, participant, orderId } = await releasingStock(registry);

    await participant.answer(orderId, 'failure');
    const failedAt = clock.now().getTime();
    expect((await sagaOf(orchestrator, orderId)).deadlineAt?.getTime()).toBe(failedAt + 1_000);
    await orchestrator.tick(new Date(failedAt + 999));
    expect(await releases(orderId)).toEqual([1]);

    await orchestrator.tick(clock.advance(1_000));
    expect(await releases(orderId)).toEqual([1, 2]);
    await participant.answer(orderId, 'failure');
    expect((await sagaOf(orchestrator, orderId)).deadlineAt?.getTime()).toBe(clock.now().getTime() + 2_000);

    await orchestrator.tick(clock.advance(2_000));
    await participant.answer(orderId, 'success');

    expect(await releases(orderId)).toEqual([1, 2, 3]);
    const saga = await sagaOf(orchestrator, orderId);
    expect(saga).toMatchObject({ status: 'compensated', failureReason: 'card declined' });
    expect(saga.steps.find((step) => step.phase === 'compensate')).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect(await shopEvents(db, orderId)).toEqual([{ type: 'OrderCancelled', detail: { reason: 'card declined', status: 'compensated' } }]);
    const failures = await registry.getSingleMetric('saga_compensation_failures_total')?.get();
    expect(failures?.values).toEqual([{ value: 2, labels: { saga: 'shop-checkout', step: 'reserve-stock' } }]);
  });

  it('is sent again when it gets no reply: marked timed out at its deadline, resent after the backoff', async () => {
    const { orchestrator, participant, orderId } = await releasingStock();

    await orchestrator.tick(clock.advance(2_000));
    const saga = await sagaOf(orchestrator, orderId);
    expect(saga.steps.find((step) => step.phase === 'compensate')).toMatchObject({ status: 'timed_out', attempts: 1 });
    expect(await releases(orderId)).toEqual([1]);

    await orchestrator.tick(clock.advance(1_000));
    expect(await releases(orderId)).toEqual([1, 2]);
    await participant.answer(orderId, 'success');
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'compensated', failureReason: 'card declined' });
  });

  it('ignores a reply to an earlier attempt', async () => {
    const { orchestrator, participant, orderId } = await releasingStock();
    const firstAttempt = await participant.awaited(orderId);
    await orchestrator.tick(clock.advance(2_000));
    await orchestrator.tick(clock.advance(1_000));

    expect(await participant.reply(firstAttempt, 'failure')).toEqual({ applied: false, ignored: 'the saga is not waiting for this attempt' });
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'compensating', currentStep: 'reserve-stock' });
    await participant.answer(orderId, 'success');
    expect((await sagaOf(orchestrator, orderId)).status).toBe('compensated');
  });

  it('waits at most the longest backoff between attempts', async () => {
    const { orchestrator, participant, orderId } = await releasingStock();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await participant.answer(orderId, 'failure');
      const wait = (await sagaOf(orchestrator, orderId)).deadlineAt!.getTime() - clock.now().getTime();
      expect(wait).toBe(Math.min(8_000, 1_000 * 2 ** (attempt - 1)));
      await orchestrator.tick(clock.advance(wait));
    }
    expect(await releases(orderId)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
