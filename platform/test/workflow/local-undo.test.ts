import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from '@bazaar/platform/db';
import { createLogger } from '@bazaar/platform/telemetry';
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

/** A local hold whose undo throws on its first attempt and reports a failure on its second; each attempt writes first. */
function flakyHold() {
  let attempts = 0;
  return defineStep<ShopOrder, ShopTables>({
    id: 'hold-gift-wrap',
    doc: 'Holds gift wrapping for the order in the shop itself.',
    async run(trx, order) {
      await trx.insertInto('test_events').values({ saga_id: order.orderId, type: 'wrap-held' }).execute();
      return { ok: true };
    },
    compensation: {
      async run(trx, order) {
        attempts++;
        await trx.insertInto('test_events').values({ saga_id: order.orderId, type: `wrap-release-attempt-${attempts}` }).execute();
        if (attempts === 1) throw new Error('the wrapping table is locked');
        if (attempts === 2) return { ok: false, reason: 'the wrapping is on its way' };
        return { ok: true };
      },
    },
  });
}

describe('a local undo that fails', () => {
  it('rolls back what each failed attempt wrote, logs the failure beside the original reason, and retries until it succeeds', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('workflow-test', 'warn', { write: (line: string) => void lines.push(JSON.parse(line)) });
    const saga = defineSaga<ShopOrder, ShopTables>({ name: 'gift-checkout', steps: [flakyHold(), authorizePayment] });
    const orchestrator = shopOrchestrator(db, clock, { sagas: [saga], logger });
    const participant = createParticipant(db, orchestrator);
    const orderId = nextOrderId();
    await orchestrator.start(db, 'gift-checkout', orderId, { orderId, amount: 1_500 });

    await participant.answer(orderId, 'failure');
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'compensating', currentStep: 'hold-gift-wrap' });
    await orchestrator.tick(clock.advance(1_000));
    await orchestrator.tick(clock.advance(2_000));

    const finished = await sagaOf(orchestrator, orderId);
    expect(finished).toMatchObject({ status: 'compensated', failureReason: 'card declined' });
    expect(finished.steps.find((step) => step.phase === 'compensate')).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect((await shopEvents(db, orderId)).map((event) => event.type)).toEqual(['wrap-held', 'wrap-release-attempt-3']);
    const warnings = lines.filter((line) => line['msg'] === 'compensation failed; it will be retried');
    expect(warnings.map((line) => [line['failure'], line['reason'], line['attempt']])).toEqual([
      ['the wrapping table is locked', 'card declined', 1],
      ['the wrapping is on its way', 'card declined', 2],
    ]);
  });
});
