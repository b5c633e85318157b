import { type Kysely, sql, statement } from '@bazaar/platform/db';
import type { StockChange, StockRow } from '../domain/stock.model.ts';
import type { InventoryTables } from './inventory.tables.ts';

/** Batches stay far below PostgreSQL's 65 535 bind parameters per statement. */
const INSERT_BATCH = 1000;

interface RawStockRow {
  sku: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  version: number;
}

const toRow = (raw: RawStockRow): StockRow => ({ sku: raw.sku, warehouseId: raw.warehouse_id, onHand: raw.on_hand, reserved: raw.reserved, version: raw.version });

const COLUMNS = ['sku', 'warehouse_id', 'on_hand', 'reserved', 'version'] as const;

const LOCK_SKUS = statement<RawStockRow, [skus: readonly string[]]>(`
  SELECT ${COLUMNS.join(', ')} FROM stock
  WHERE sku = ANY($1::text[])
  ORDER BY sku, warehouse_id
  FOR UPDATE`);

const APPLY = statement<RawStockRow, [skus: string[], warehouseIds: string[], onHandDeltas: number[], reservedDeltas: number[]]>(`
  UPDATE stock AS s
     SET on_hand = s.on_hand + c.on_hand_delta,
         reserved = s.reserved + c.reserved_delta,
         version = s.version + 1,
         updated_at = now()
    FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS c (sku, warehouse_id, on_hand_delta, reserved_delta)
   WHERE s.sku = c.sku AND s.warehouse_id = c.warehouse_id
  RETURNING s.sku, s.warehouse_id, s.on_hand, s.reserved, s.version`);

/** Stock rows: every change to them goes through `lockSkus` first, inside the caller's transaction. */
export function createStockRepository(db: Kysely<InventoryTables>) {
  return {
    /**
     * Locks every row of these SKUs until the transaction ends and returns them: the read-check-write of a
     * reservation then sees the latest stock and no one else can change it in between.
     *
     * Why pessimistic locking (`SELECT … FOR UPDATE`) rather than optimistic versions: stock contention is
     * concentrated by nature (a popular SKU, the last few units), exactly where optimistic writes fail and
     * retry over and over; a lock queues the contenders instead, each transaction holds it for a handful of
     * short statements with no remote call, and the outcome is always definite (reserved, or truly out of
     * stock) rather than "conflict, try again". Deadlocks are ruled out by order: a transaction locks its
     * reservation row first (if any), then all stock rows of its SKUs in one statement sorted by SKU and
     * warehouse, so any two transactions take shared rows in the same order. `version` still grows with
     * every change, so consumers of stock events can tell a newer level from an older one.
     */
    async lockSkus(skus: readonly string[]): Promise<StockRow[]> {
      if (skus.length === 0) return [];
      const { rows } = await LOCK_SKUS.execute(db, [skus]);
      return rows.map(toRow);
    },

    /** Applies the deltas to rows this transaction has locked, in one statement, and returns the new rows. */
    async apply(changes: readonly StockChange[]): Promise<StockRow[]> {
      if (changes.length === 0) return [];
      const result = await APPLY.execute(db, [
        changes.map((c) => c.sku),
        changes.map((c) => c.warehouseId),
        changes.map((c) => c.onHandDelta),
        changes.map((c) => c.reservedDelta),
      ]);
      if (result.rows.length !== changes.length) throw new Error(`expected to change ${changes.length} stock rows, changed ${result.rows.length}`);
      return result.rows.map(toRow);
    },

    /** Creates the row with this stock unless it exists; undefined when it did. */
    async insertIfMissing(row: { sku: string; warehouseId: string; onHand: number }): Promise<StockRow | undefined> {
      const inserted = await db
        .insertInto('stock')
        .values({ sku: row.sku, warehouse_id: row.warehouseId, on_hand: row.onHand })
        .onConflict((conflict) => conflict.columns(['sku', 'warehouse_id']).doNothing())
        .returning(COLUMNS)
        .executeTakeFirst();
      return inserted && toRow(inserted);
    },

    /** Sets the stock on hand of a locked row; the caller has checked it stays at or above what is reserved. */
    async setOnHand(sku: string, warehouseId: string, onHand: number): Promise<StockRow> {
      const updated = await db
        .updateTable('stock')
        .set({ on_hand: onHand, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
        .where('sku', '=', sku)
        .where('warehouse_id', '=', warehouseId)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toRow(updated);
    },

    /** The SKU's stock in every warehouse, zero where it has no row. */
    async perWarehouse(sku: string): Promise<{ warehouseId: string; name: string; onHand: number; reserved: number }[]> {
      const rows = await db
        .selectFrom('warehouses as w')
        .leftJoin('stock as s', (join) => join.onRef('s.warehouse_id', '=', 'w.id').on('s.sku', '=', sku))
        .select(['w.id', 'w.name', 's.on_hand', 's.reserved'])
        .orderBy('w.name')
        .orderBy('w.id')
        .execute();
      return rows.map((r) => ({ warehouseId: r.id, name: r.name, onHand: r.on_hand ?? 0, reserved: r.reserved ?? 0 }));
    },

    /** Stores many rows at once (the demo seed); their warehouses must exist. */
    async insertMany(rows: readonly { sku: string; warehouseId: string; onHand: number }[]): Promise<void> {
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        const batch = rows.slice(i, i + INSERT_BATCH).map((r) => ({ sku: r.sku, warehouse_id: r.warehouseId, on_hand: r.onHand }));
        await db.insertInto('stock').values(batch).execute();
      }
    },

    async any(): Promise<boolean> {
      return (await db.selectFrom('stock').select('sku').limit(1).executeTakeFirst()) !== undefined;
    },
  };
}

export type StockRepository = ReturnType<typeof createStockRepository>;
