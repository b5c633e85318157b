import { statement, type Kysely } from '@bazaar/platform/db';
import type { OrdersTables } from './orders.tables.ts';

/** A checkout already made with a user's key: the hash of its request and the order it made. */
export interface IdempotencyRecord {
  readonly requestHash: string;
  readonly orderId: string;
}

const CLAIM = statement<never, [userId: string, key: string, requestHash: string, orderId: string]>(`
  INSERT INTO idempotency_keys (user_id, key, request_hash, order_id) VALUES ($1, $2, $3, $4)
  ON CONFLICT ON CONSTRAINT idempotency_keys_once DO NOTHING`);
const FIND = statement<{ request_hash: string; order_id: string }, [userId: string, key: string]>(
  'SELECT request_hash, order_id FROM idempotency_keys WHERE user_id = $1 AND key = $2',
);

/**
 * Claims the user's key for an order in `trx`. The unique constraint decides a race: the loser's insert waits for
 * the winner's commit and then claims nothing (undefined), so it reads the winner's record instead.
 */
export async function claimIdempotencyKey(
  trx: Kysely<OrdersTables>,
  userId: string,
  key: string,
  record: IdempotencyRecord,
): Promise<boolean> {
  const inserted = await CLAIM.execute(trx, [userId, key, record.requestHash, record.orderId]);
  return Number(inserted.numAffectedRows ?? 0n) === 1;
}

/** The record of a checkout already made with the user's key, if any. */
export async function findIdempotencyKey(db: Kysely<OrdersTables>, userId: string, key: string): Promise<IdempotencyRecord | undefined> {
  const row = (await FIND.execute(db, [userId, key])).rows[0];
  return row && { requestHash: row.request_hash, orderId: row.order_id };
}
