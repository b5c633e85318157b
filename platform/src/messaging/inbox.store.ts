import { sql, type Kysely } from 'kysely';
import { encodeTime } from 'ulid';
import { messagingDb } from './messaging.tables.ts';

/**
 * Records that `consumer` handles `messageId`, inside the consumer's transaction. False means it already has:
 * the handler must not run again. A concurrent delivery of the same message waits on the row until the first
 * transaction ends, then sees it (commit) or takes over (rollback).
 */
export async function claimInbox<DB>(trx: Kysely<DB>, consumer: string, messageId: string): Promise<boolean> {
  const inserted = await messagingDb(trx)
    .insertInto('inbox')
    .values({ message_id: messageId, consumer })
    .onConflict((conflict) => conflict.columns(['message_id', 'consumer']).doNothing())
    .returning('message_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Forgets handled messages older than `retentionMs` (by their time-ordered id). A duplicate can only arrive
 * while a publish is being retried, minutes at most; the retention is far longer.
 */
export async function pruneInbox<DB>(db: Kysely<DB>, consumers: readonly string[], retentionMs: number): Promise<void> {
  const cutoff = `msg_${encodeTime(Date.now() - retentionMs, 10).toLowerCase()}`;
  await sql`
    DELETE FROM inbox WHERE (message_id, consumer) IN (
      SELECT message_id, consumer FROM inbox
      WHERE message_id < ${cutoff} AND consumer = ANY(${consumers}::text[])
      LIMIT 5000)`.execute(db);
}
