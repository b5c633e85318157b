import { createMessagingTables } from '@bazaar/platform/messaging';
import type { Kysely } from 'kysely';

/** The outbox that carries `user.registered`, committed with the account it announces. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createMessagingTables(db);
}
