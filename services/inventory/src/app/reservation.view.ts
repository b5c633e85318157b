import type { Reservation } from '../contract/reservation.schemas.ts';
import type { StockLevel } from '../contract/stock.schemas.ts';
import type { ReservationRecord } from '../domain/reservation.model.ts';

/** What a reservation command did: the reservation as it now stands and the stock it moved. */
export interface ReservationChange {
  readonly reservation: Reservation;
  /** False when the command repeated one already carried out: nothing changed this time. */
  readonly changed: boolean;
  /** The new stock level of every SKU whose stock moved (none when nothing changed). */
  readonly levels: readonly StockLevel[];
}

const byLine = (a: { sku: string; warehouseId: string }, b: { sku: string; warehouseId: string }) =>
  a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0;

export function toReservationView(record: ReservationRecord): Reservation {
  return {
    id: record.id,
    orderId: record.orderId,
    status: record.status,
    lines: [...record.lines].sort(byLine).map((l) => ({ sku: l.sku, warehouseId: l.warehouseId, quantity: l.quantity })),
    expiresAt: record.expiresAt.toISOString(),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export const unchanged = (record: ReservationRecord): ReservationChange => ({ reservation: toReservationView(record), changed: false, levels: [] });
