import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { openDatabase, pgTypes } from '@bazaar/platform/db';
import { testDatabase, testLogger } from '@bazaar/platform/testing';
import { createSagaOrchestrator, type SagaOrchestrator, type SagaOrchestratorOptions, type SagaView } from '@bazaar/platform/workflow';
import type { ManualClock } from './manual.clock.ts';
import { recordingSender } from './recording.sender.ts';
import type { ShopTables } from './shop.tables.ts';
import { shopCheckout } from './shop/shop.saga.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface ShopDatabase {
  readonly db: Kysely<ShopTables>;
  /** Another handle on the same database with a pool of its own, as a second process would have. */
  connect(): Kysely<ShopTables>;
  close(): Promise<void>;
}

/** A database of this test file's own with the shop's tables; `close()` drops it. */
export async function openShopDatabase(): Promise<ShopDatabase> {
  const target = testDatabase('workflow');
  const database = await openDatabase<ShopTables>({ serverUrl: target.serverUrl, name: target.name, migrationsFolder, logger: testLogger('workflow') });
  return {
    db: database.db,
    connect: () => new Kysely<ShopTables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, types: pgTypes, max: 4 }) }) }),
    async close() {
      await database.close();
      await target.drop();
    },
  };
}

/** An orchestrator of the shop checkout on the manual clock; undos retry after 1 s, 2 s, 4 s, 8 s at most. */
export function shopOrchestrator(
  db: Kysely<ShopTables>,
  clock: ManualClock,
  options: Partial<SagaOrchestratorOptions<ShopTables>> = {},
): SagaOrchestrator<ShopTables> {
  return createSagaOrchestrator<ShopTables>({
    db,
    sender: recordingSender(),
    sagas: [shopCheckout],
    clock: clock.now,
    logger: testLogger('workflow'),
    retryBackoff: { initialMs: 1_000, maxMs: 8_000 },
    ...options,
  });
}

/** The saga's current state; fails the test when it does not exist. */
export async function sagaOf(orchestrator: SagaOrchestrator<ShopTables>, sagaId: string): Promise<SagaView> {
  const view = await orchestrator.inspect(sagaId);
  if (!view) throw new Error(`No saga ${sagaId}`);
  return view;
}

/** The types of the commands sent for `sagaId`, in the order they were sent. */
export async function commandTypes(db: Kysely<ShopTables>, sagaId: string): Promise<string[]> {
  const rows = await db.selectFrom('test_commands').select('type').where('saga_id', '=', sagaId).orderBy('id').execute();
  return rows.map((row) => row.type);
}

/** The shop's own events for `sagaId` (local steps and end hooks), in order. */
export async function shopEvents(db: Kysely<ShopTables>, sagaId: string): Promise<{ type: string; detail: Record<string, unknown> }[]> {
  return db.selectFrom('test_events').select(['type', 'detail']).where('saga_id', '=', sagaId).orderBy('id').execute();
}

let counter = 0;
/** A fresh order id (which the shop also uses as the saga id). */
export const nextOrderId = () => `ord_${process.pid}_${Date.now()}_${++counter}`;
