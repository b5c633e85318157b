import { sql, type Kysely } from '@bazaar/platform/db';
import { createMessagingTables } from '@bazaar/platform/messaging';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createMessagingTables(db);
  // The state a consumer changes: its effect must happen once per message, however often it is delivered.
  await sql`CREATE TABLE stock (sku text PRIMARY KEY, reserved integer NOT NULL DEFAULT 0)`.execute(db);
}
