import type { Availability } from '../contract/stock.schemas.ts';
import { availableOf } from '../domain/stock.model.ts';
import type { InventoryDeps } from './inventory.deps.ts';

/** What can still be bought of a SKU, per warehouse and in total; a SKU never stocked simply has none. */
export async function getAvailability(deps: InventoryDeps, sku: string): Promise<Availability> {
  const warehouses = (await deps.store.stock.perWarehouse(sku)).map((w) => ({ warehouseId: w.warehouseId, name: w.name, available: availableOf(w) }));
  return { sku, available: warehouses.reduce((sum, w) => sum + w.available, 0), warehouses };
}
