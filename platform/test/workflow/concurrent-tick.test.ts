import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, sql, type Kysely } from '@bazaar/platform/db';
import type { SagaOrchestrator, WorkflowTables } from '@bazaar/platform/workflow';
import { readInstance, saveInstance } from '../../src/workflow/saga.store.ts';
import { manualClock } from './support/manual.clock.ts';
import { createParticipant } from './support/participant.ts';
import type { ShopTables } from './support/shop.tables.ts';
import { nextOrderId, openShopDatabase, sagaOf, shopEvents, shopOrchestrator } from './support/workflow.harness.ts';

let db: Kysely<ShopTables>;
let connect: () => Kysely<ShopTables>;
let close: () => Promise<void>;
const replicas: Kysely<ShopTables>[] = [];
const clock = manualClock();

beforeAll(async () => {
  ({ db, connect, close } = await openShopDatabase());
});
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.destroy()));
  await close();
});

/** Ticks until nothing more is due at `now`. */
async function drain(orchestrator: SagaOrchestrator<ShopTables>, now: Date): Promise<number> {
  let processed = 0;
  let result;
  do {
    result = await orchestrator.tick(now);
    processed += result.processed;
  } while (result.more);
  return processed;
}

describe('two replicas ticking the same database at once', () => {
  it('never send the same undo attempt twice, and between them handle every due saga', async () => {
    const [a, b] = [connect(), connect()];
    replicas.push(a, b);
    const first = shopOrchestrator(a, clock, { batchSize: 4 });
    const second = shopOrchestrator(b, clock, { batchSize: 4 });
    const orderIds = Array.from({ length: 30 }, nextOrderId);
    for (const orderId of orderIds) await first.start(db, 'shop-checkout', orderId, { orderId, amount: 1 });

    // Every reservation times out; then every release times out twice and is resent each time.
    const moments = [5_000, 2_000, 1_000, 2_000, 2_000];
    const handled = { first: 0, second: 0 };
    for (const ms of moments) {
      const now = clock.advance(ms);
      const [x, y] = await Promise.all([drain(first, now), drain(second, now)]);
      expect(x + y).toBe(orderIds.length);
      handled.first += x;
      handled.second += y;
    }
    expect(handled.first).toBeGreaterThan(0);
    expect(handled.second).toBeGreaterThan(0);

    const sent = await sql<{ saga_id: string; step_id: string; phase: string; attempt: number; copies: number }>`
      SELECT saga_id, step_id, phase, attempt, count(*)::int AS copies
      FROM test_commands GROUP BY saga_id, step_id, phase, attempt`.execute(db);
    expect(sent.rows.filter((row) => row.copies > 1)).toEqual([]);
    const releases = sent.rows.filter((row) => row.phase === 'compensate');
    expect(releases).toHaveLength(orderIds.length * 3);
    const steps = await db.selectFrom('saga_steps').select(['attempts', 'status']).where('phase', '=', 'compensate').execute();
    expect(steps.every((step) => step.attempts === 3 && step.status === 'sent')).toBe(true);
  });
});

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
      await saveInstance(trx as unknown as Kysely<WorkflowTables>, { ...stale, status: 'failed', failureReason: 'stale' });
    });

    await expect(saving).rejects.toMatchObject({ code: '40001', message: `Saga ${orderId} changed since version ${stale.version}` });
    const after = await sagaOf(orchestrator, orderId);
    expect(after).toMatchObject({ status: moved.status, version: moved.version, failureReason: null });
    expect((await shopEvents(db, orderId)).map((event) => event.type)).not.toContain('written-beside-the-stale-save');
  });
});
