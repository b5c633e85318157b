import { createMessagingTables } from '@bazaar/platform/messaging';
import type { Kysely } from 'kysely';

/** The inbox that makes the saga's commands run once per message, and the outbox their replies leave through. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createMessagingTables(db);
}
