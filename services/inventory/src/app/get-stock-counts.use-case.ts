import type { StockCounts } from '../contract/stock.schemas.ts';
import { availableOf } from '../domain/stock.model.ts';
import type { InventoryDeps } from './inventory.deps.ts';

/** An administrator's view of a SKU: on hand, reserved and available in every warehouse, and in total. */
export async function getStockCounts(deps: InventoryDeps, sku: string): Promise<StockCounts> {
  const warehouses = (await deps.store.stock.perWarehouse(sku)).map((w) => ({ ...w, available: availableOf(w) }));
  const total = (field: 'onHand' | 'reserved' | 'available') => warehouses.reduce((sum, w) => sum + w[field], 0);
  return { sku, onHand: total('onHand'), reserved: total('reserved'), available: total('available'), warehouses };
}
