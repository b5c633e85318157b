import { fileURLToPath } from 'node:url';
import { openDatabase, sql, type Database } from '@bazaar/platform/db';
import type { MessagingTables } from '@bazaar/platform/messaging';
import { testDatabase, testLogger } from '@bazaar/platform/testing';

export interface TestSchema extends MessagingTables {
  stock: { sku: string; reserved: number };
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** A database of the test file's own with the messaging tables and a `stock` table; `drop()` removes it. */
export async function openMessagingDatabase(options: { poolSize?: number } = {}): Promise<Database<TestSchema> & { drop(): Promise<void>; reset(): Promise<void> }> {
  const made = testDatabase('messaging');
  const database = await openDatabase<TestSchema>({
    serverUrl: made.serverUrl,
    name: made.name,
    migrationsFolder,
    logger: testLogger('messaging-db'),
    ...(options.poolSize !== undefined && { poolSize: options.poolSize }),
  });
  return {
    ...database,
    async reset() {
      await sql`TRUNCATE outbox, inbox, dead_letters, stock`.execute(database.db);
    },
    async drop() {
      await database.close();
      await made.drop();
    },
  };
}

/** Units of `sku` reserved so far (0 when none). */
export async function reserved(database: Database<TestSchema>, sku: string): Promise<number> {
  const row = await database.db.selectFrom('stock').select('reserved').where('sku', '=', sku).executeTakeFirst();
  return row?.reserved ?? 0;
}
