import { ok } from '@bazaar/platform/errors';
import type { Reservation } from '../contract/reservation.schemas.ts';
import type { StockLevel } from '../contract/stock.schemas.ts';
import type { ReservationRecord } from '../domain/reservation.model.ts';
import { endReservations } from './end-reservations.ts';
import type { InventoryDeps } from './inventory.deps.ts';
import { toReservationView } from './reservation.view.ts';

/** What a sweep did: the reservations that expired and the stock levels they gave back. */
export interface ExpiredReservations {
  readonly expired: readonly Reservation[];
  readonly levels: readonly StockLevel[];
}

/**
 * Returns the stock of every held reservation whose deadline is at or before `now`. Batches run in their
 * own transactions and skip reservations someone else is working on, so replicas may sweep at once.
 */
export async function expireReservations(deps: InventoryDeps, now: Date = deps.clock()): Promise<ExpiredReservations> {
  const expired: Reservation[] = [];
  const levels = new Map<string, StockLevel>();
  for (;;) {
    const batch = await deps.store.transaction(async (tx) => {
      const due = await tx.reservations.lockExpired(now, deps.expiryBatchSize);
      if (due.length === 0) return ok({ ended: [] as ReservationRecord[], levels: [] as StockLevel[] });
      return ok(await endReservations(tx, due, 'expired', deps.clock()));
    });
    if (!batch.ok) throw new Error('an expiry batch cannot fail');
    expired.push(...batch.value.ended.map(toReservationView));
    // A later batch saw later stock: its level of a SKU replaces an earlier one.
    for (const level of batch.value.levels) levels.set(level.sku, level);
    if (batch.value.ended.length < deps.expiryBatchSize) break;
  }
  return { expired, levels: [...levels.values()] };
}
