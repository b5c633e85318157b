import type { WarehouseList } from '../contract/stock.schemas.ts';
import type { InventoryDeps } from './inventory.deps.ts';

/** Every warehouse, by name. */
export function listWarehouses(deps: InventoryDeps): Promise<WarehouseList> {
  return deps.store.warehouses.list();
}
