import type { StockLevel } from '../contract/stock.schemas.ts';

/** One stock row: how much of a SKU a warehouse holds, and how much of that is set aside for orders. */
export interface StockRow {
  readonly sku: string;
  readonly warehouseId: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly version: number;
}

/** A change to one stock row, as deltas: what a reservation transition does to the stock. */
export interface StockChange {
  readonly sku: string;
  readonly warehouseId: string;
  readonly onHandDelta: number;
  readonly reservedDelta: number;
}

/** What can still be promised: the invariant keeps it from going negative. */
export const availableOf = (row: Pick<StockRow, 'onHand' | 'reserved'>): number => row.onHand - row.reserved;

/** Rows where `updated` replaces the row of the same SKU and warehouse in `rows`. */
export function withUpdates(rows: readonly StockRow[], updated: readonly StockRow[]): StockRow[] {
  const key = (row: StockRow) => `${row.sku}\u0000${row.warehouseId}`;
  const byKey = new Map(rows.map((row) => [key(row), row]));
  for (const row of updated) byKey.set(key(row), row);
  return [...byKey.values()];
}

/** Groups rows into one level per SKU, SKUs and warehouses in a stable order. */
export function toStockLevels(rows: readonly StockRow[]): StockLevel[] {
  const bySku = new Map<string, StockRow[]>();
  for (const row of rows) bySku.set(row.sku, [...(bySku.get(row.sku) ?? []), row]);
  return [...bySku.keys()].sort().map((sku) => {
    const warehouses = bySku
      .get(sku)!
      .sort((a, b) => (a.warehouseId < b.warehouseId ? -1 : 1))
      .map((row) => ({ warehouseId: row.warehouseId, onHand: row.onHand, reserved: row.reserved, available: availableOf(row), version: row.version }));
    return { sku, available: warehouses.reduce((sum, w) => sum + w.available, 0), warehouses };
  });
}
