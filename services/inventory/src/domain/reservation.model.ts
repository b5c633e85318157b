import type { ReservationLine, ReservationStatus } from '../contract/reservation.schemas.ts';
import type { StockChange } from './stock.model.ts';

/** A reservation as the store keeps it. */
export interface ReservationRecord {
  readonly id: string;
  readonly orderId: string;
  readonly status: ReservationStatus;
  readonly lines: readonly ReservationLine[];
  readonly expiresAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The ways a held reservation ends; each moves stock differently. */
export type ReservationOutcome = 'confirmed' | 'released' | 'expired';

/**
 * The stock changes a transition makes. Holding sets stock aside; confirming lets it leave (on hand and
 * reserved both drop, so available stays the same); releasing and expiring give it back.
 */
export function stockChangesFor(transition: 'held' | ReservationOutcome, lines: readonly ReservationLine[]): StockChange[] {
  const merged = new Map<string, StockChange>();
  for (const line of lines) {
    const key = `${line.sku}\u0000${line.warehouseId}`;
    const before = merged.get(key) ?? { sku: line.sku, warehouseId: line.warehouseId, onHandDelta: 0, reservedDelta: 0 };
    const quantity = line.quantity;
    merged.set(key, {
      ...before,
      reservedDelta: before.reservedDelta + (transition === 'held' ? quantity : -quantity),
      onHandDelta: before.onHandDelta + (transition === 'confirmed' ? -quantity : 0),
    });
  }
  return [...merged.values()];
}

/** Quantities per SKU, whatever warehouses they came from: what an order asked for. */
export function quantitiesBySku(lines: readonly { readonly sku: string; readonly quantity: number }[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return totals;
}

/** True when a stored reservation holds exactly what a request asks for, so a retry may return it. */
export function sameRequest(reserved: readonly ReservationLine[], requested: readonly { readonly sku: string; readonly quantity: number }[]): boolean {
  const a = quantitiesBySku(reserved);
  const b = quantitiesBySku(requested);
  return a.size === b.size && [...a].every(([sku, quantity]) => b.get(sku) === quantity);
}
