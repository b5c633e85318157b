import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from '@bazaar/platform/db';
import { manualClock } from './support/manual.clock.ts';
import type { ShopTables } from './support/shop.tables.ts';
import { nextOrderId, openShopDatabase, sagaOf, shopOrchestrator } from './support/workflow.harness.ts';

let db: Kysely<ShopTables>;
let close: () => Promise<void>;
const clock = manualClock();

beforeAll(async () => {
  ({ db, close } = await openShopDatabase());
});
afterAll(() => close());

describe('a tick', () => {
  it('handles at most one batch of due sagas and says when more may be due', async () => {
    const orchestrator = shopOrchestrator(db, clock, { batchSize: 3 });
    const orderIds = [nextOrderId(), nextOrderId(), nextOrderId(), nextOrderId()];
    for (const orderId of orderIds) await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 1 });
    const later = clock.advance(5_000);

    expect(await orchestrator.tick(later)).toEqual({ processed: 3, failed: 0, more: true });
    expect(await orchestrator.tick(later)).toEqual({ processed: 1, failed: 0, more: false });
    for (const orderId of orderIds) expect((await sagaOf(orchestrator, orderId)).status).toBe('compensating');
  });

  it('skips a saga it cannot handle, logs it, and still handles the others', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    const [broken, healthy] = [nextOrderId(), nextOrderId()];
    await orchestrator.start(db, 'shop-checkout', broken, { orderId: broken, amount: 1 });
    await orchestrator.start(db, 'shop-checkout', healthy, { orderId: healthy, amount: 1 });
    // As if a release had renamed the step while this saga waited on it.
    await db.updateTable('saga_instances').set({ current_step: 'reserve-stock-v0' }).where('id', '=', broken).execute();

    expect(await orchestrator.tick(clock.advance(5_000))).toMatchObject({ failed: 1, more: false });
    expect(await sagaOf(orchestrator, broken)).toMatchObject({ status: 'running', currentStep: 'reserve-stock-v0' });
    expect(await sagaOf(orchestrator, healthy)).toMatchObject({ status: 'compensating' });
  });
});
