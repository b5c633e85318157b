import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { InventoryErrors } from '../contract/inventory.errors.ts';
import { SetStock, Sku, type StockLevel } from '../contract/stock.schemas.ts';
import { toStockLevels, withUpdates } from '../domain/stock.model.ts';
import type { InventoryDeps } from './inventory.deps.ts';
import { invalidInput } from './stock-errors.ts';

/** An administrator's count of a SKU in one warehouse. */
export interface SetStockInput extends SetStock {
  readonly sku: string;
}

/** The SKU's stock after the change; `changed` is false when it already had that count. */
export interface StockSet {
  readonly level: StockLevel;
  readonly changed: boolean;
}

const SetStockInput = Type.Composite([Type.Object({ sku: Sku }), SetStock], { additionalProperties: false });

/**
 * Sets how many units of a SKU a warehouse has on hand, creating the row the first time. It can never go
 * below what is reserved there: held orders were promised that stock, so the change is refused instead.
 */
export async function setStock(deps: InventoryDeps, input: SetStockInput): Promise<Result<StockSet, AppError>> {
  if (!Value.Check(SetStockInput, input)) {
    return fail(invalidInput([...Value.Errors(SetStockInput, input)].map((e) => ({ path: e.path.replace(/^\//, ''), message: e.message }))));
  }
  const { sku, warehouseId, onHand } = input;
  return deps.store.transaction<StockSet, AppError>(async (tx) => {
    if (!(await tx.warehouses.exists(warehouseId))) {
      return fail(
        new AppError(InventoryErrors.UNKNOWN_WAREHOUSE, `There is no warehouse ${warehouseId}`, {
          errors: [{ path: 'body.warehouseId', message: 'does not name an existing warehouse' }],
        }),
      );
    }
    const created = await tx.stock.insertIfMissing({ sku, warehouseId, onHand });
    const locked = await tx.stock.lockSkus([sku]);
    if (created) return ok({ level: toStockLevels(locked)[0]!, changed: true });

    const row = locked.find((r) => r.warehouseId === warehouseId)!;
    if (onHand < row.reserved) {
      return fail(new AppError(InventoryErrors.BELOW_RESERVED, `${row.reserved} units of ${sku} are reserved in ${warehouseId}; on hand cannot be set to ${onHand}`));
    }
    if (onHand === row.onHand) return ok({ level: toStockLevels(locked)[0]!, changed: false });
    const updated = await tx.stock.setOnHand(sku, warehouseId, onHand);
    return ok({ level: toStockLevels(withUpdates(locked, [updated]))[0]!, changed: true });
  });
}
