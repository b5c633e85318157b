import { sql, type Kysely } from 'kysely';
import { encodeTime } from 'ulid';
import { statement } from '../db/statement.ts';

const UNIQUE_VIOLATION = '23505';

const RECORD = statement<never, [messageId: string, consumer: string]>('INSERT INTO inbox (message_id, consumer) VALUES ($1, $2)');
const HANDLED = statement<{ message_id: string }, [messageId: string, consumer: string]>(
  'SELECT message_id FROM inbox WHERE message_id = $1 AND consumer = $2',
);

/**
 * Records, in the consumer's transaction, that `consumer` handled `messageId`. The row travels with the
 * transaction's COMMIT (see executeDeferred), so it costs no round trip: a duplicate, whose first delivery has
 * committed its row (or commits it while this one runs), fails that COMMIT with a unique violation of the
 * inbox's key, and nothing its handler wrote commits.
 */
export async function recordInbox<DB>(trx: Kysely<DB>, consumer: string, messageId: string): Promise<void> {
  await RECORD.defer(trx, [messageId, consumer]);
}

/** True when `error` is the inbox refusing a message its consumer has handled already. */
export function isInboxDuplicate(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === UNIQUE_VIOLATION && constraint === 'inbox_pkey';
}

/** Whether `consumer` has handled `messageId` (its transaction committed). */
export async function handledAlready<DB>(db: Kysely<DB>, consumer: string, messageId: string): Promise<boolean> {
  const { rows } = await HANDLED.execute(db, [messageId, consumer]);
  return rows.length > 0;
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
