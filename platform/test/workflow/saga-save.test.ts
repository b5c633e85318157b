import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type Kysely } from '@bazaar/platform/db';
import { readInstance, saveInstance } from '../../src/workflow/saga.store.ts';
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

describe('saving a saga instance', () => {
  it('refuses a save at a version another transition moved on, and nothing of its transaction commits', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    const orderId = nextOrderId();
    await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 4_200 });
    const stale = (await readInstance(db, orderId))!;
    await createParticipant(db, orchestrator).answer(orderId, 'success');
    const moved = await sagaOf(orchestrator, orderId);

    const saving = inTransaction(db, async (trx) => {
      await trx.insertInto('test_events').values({ saga_id: orderId, type: 'written-beside-the-stale-save' }).execute();
      // Deferred: it goes out with the COMMIT, which it then fails.
      await saveInstance(trx, { ...stale, status: 'failed', failureReason: 'stale' });
    });

    await expect(saving).rejects.toMatchObject({ code: '40001', message: `Saga ${orderId} changed since version ${stale.version}` });
    const after = await sagaOf(orchestrator, orderId);
    expect(after).toMatchObject({ status: moved.status, version: moved.version, failureReason: null });
    expect((await shopEvents(db, orderId)).map((event) => event.type)).not.toContain('written-beside-the-stale-save');
  });
});
