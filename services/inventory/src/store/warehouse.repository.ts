import type { Kysely } from '@bazaar/platform/db';
import type { Warehouse } from '../contract/stock.schemas.ts';
import type { InventoryTables } from './inventory.tables.ts';

/** The warehouses stock is kept in. */
export function createWarehouseRepository(db: Kysely<InventoryTables>) {
  return {
    list(): Promise<Warehouse[]> {
      return db.selectFrom('warehouses').select(['id', 'name']).orderBy('name').orderBy('id').execute();
    },

    async exists(id: string): Promise<boolean> {
      return (await db.selectFrom('warehouses').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },

    /** Adds the warehouses that are not there yet; existing ones are left as they are. */
    async ensure(warehouses: readonly Warehouse[]): Promise<void> {
      if (warehouses.length === 0) return;
      await db
        .insertInto('warehouses')
        .values(warehouses.map((w) => ({ id: w.id, name: w.name })))
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    },
  };
}

export type WarehouseRepository = ReturnType<typeof createWarehouseRepository>;
