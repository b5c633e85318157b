import type { StockLevel } from '../contract/stock.schemas.ts';
import { type ReservationOutcome, type ReservationRecord, stockChangesFor } from '../domain/reservation.model.ts';
import { toStockLevels, withUpdates } from '../domain/stock.model.ts';
import type { InventoryRepositories } from '../store/inventory.store.ts';

/**
 * Ends held reservations the caller has locked: their stock leaves (confirmed) or goes back (released,
 * expired), and they take the new status. Returns the ended reservations and the levels of their SKUs.
 */
export async function endReservations(
  tx: InventoryRepositories,
  reservations: readonly ReservationRecord[],
  outcome: ReservationOutcome,
  now: Date,
): Promise<{ ended: ReservationRecord[]; levels: StockLevel[] }> {
  const lines = reservations.flatMap((r) => r.lines);
  const locked = await tx.stock.lockSkus([...new Set(lines.map((l) => l.sku))]);
  const updated = await tx.stock.apply(stockChangesFor(outcome, lines));
  await tx.reservations.setStatus(reservations.map((r) => r.id), outcome, now);
  return {
    ended: reservations.map((r) => ({ ...r, status: outcome, updatedAt: now })),
    levels: toStockLevels(withUpdates(locked, updated)),
  };
}
