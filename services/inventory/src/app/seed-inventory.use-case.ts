import { Value } from '@sinclair/typebox/value';
import { ok } from '@bazaar/platform/errors';
import { Sku } from '../contract/stock.schemas.ts';
import { DEMO_WAREHOUSES, planDemoStock } from '../domain/demo-stock.plan.ts';
import type { InventoryDeps } from './inventory.deps.ts';

/**
 * Gives the demo warehouses and stock for the given SKUs (catalog's) when there is no stock yet; safe to
 * call on every start. Replicas starting together seed once: the check and the inserts share one lock.
 */
export async function seedInventory(deps: InventoryDeps, skus: readonly string[]): Promise<{ created: number }> {
  const malformed = skus.find((sku) => !Value.Check(Sku, sku));
  if (malformed !== undefined) throw new RangeError(`cannot seed stock for a malformed SKU: ${JSON.stringify(malformed)}`);
  const seeded = await deps.store.transaction(async (tx) => {
    await tx.lockSeeding();
    await tx.warehouses.ensure(DEMO_WAREHOUSES);
    if (await tx.stock.any()) return ok(0);
    await tx.stock.insertMany(planDemoStock(skus, DEMO_WAREHOUSES.map((w) => w.id)));
    return ok(new Set(skus).size);
  });
  return { created: seeded.ok ? seeded.value : 0 };
}
