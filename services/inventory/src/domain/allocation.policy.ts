import { fail, ok, type Result } from '@bazaar/platform/errors';
import type { ReservationLine, StockShortage } from '../contract/reservation.schemas.ts';

/** What one warehouse can still promise of one SKU. */
export interface WarehouseAvailability {
  readonly warehouseId: string;
  readonly available: number;
}

/** Most available first, so a line that fits anywhere lands where it leaves the most behind; ties by id. */
function byAvailability(a: WarehouseAvailability, b: WarehouseAvailability): number {
  return b.available - a.available || (a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0);
}

/**
 * Decides where each requested line is taken from. A line one warehouse can fill comes from one warehouse
 * (one parcel); otherwise it is split over as few warehouses as possible. All lines or none: any line that
 * cannot be filled fails the whole request, naming every SKU that is short.
 */
export function allocate(
  lines: readonly { readonly sku: string; readonly quantity: number }[],
  stock: ReadonlyMap<string, readonly WarehouseAvailability[]>,
): Result<ReservationLine[], StockShortage[]> {
  // What is left per SKU and warehouse as lines are placed, so a SKU requested twice is not promised twice.
  const left = new Map<string, WarehouseAvailability[]>();
  const parts: ReservationLine[] = [];
  const shortages: StockShortage[] = [];

  for (const line of lines) {
    const candidates = (left.get(line.sku) ?? (stock.get(line.sku) ?? []).map((w) => ({ ...w })))
      .filter((w) => w.available > 0)
      .sort(byAvailability);
    const total = candidates.reduce((sum, w) => sum + w.available, 0);
    if (total < line.quantity) {
      shortages.push({ sku: line.sku, requested: line.quantity, available: total });
      left.set(line.sku, candidates);
      continue;
    }
    let needed = line.quantity;
    const remaining: WarehouseAvailability[] = [];
    for (const warehouse of candidates) {
      const taken = Math.min(needed, warehouse.available);
      if (taken > 0) parts.push({ sku: line.sku, warehouseId: warehouse.warehouseId, quantity: taken });
      needed -= taken;
      remaining.push({ warehouseId: warehouse.warehouseId, available: warehouse.available - taken });
    }
    left.set(line.sku, remaining);
  }
  return shortages.length > 0 ? fail(shortages) : ok(parts);
}
