import type { Kysely } from '@bazaar/platform/db';
import type { OrdersTables } from './orders.tables.ts';

/** A checkout already made with a user's key: the hash of its request and the order it made. */
export interface IdempotencyRecord {
  readonly requestHash: string;
  readonly orderId: string;
}

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
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({ user_id: userId, key, request_hash: record.requestHash, order_id: record.orderId })
    .onConflict((conflict) => conflict.constraint('idempotency_keys_once').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function findIdempotencyKey(db: Kysely<OrdersTables>, userId: string, key: string): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'order_id'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && { requestHash: row.request_hash, orderId: row.order_id };
}
