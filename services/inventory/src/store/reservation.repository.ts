import type { Kysely } from '@bazaar/platform/db';
import type { ReservationLine, ReservationStatus } from '../contract/reservation.schemas.ts';
import type { ReservationRecord } from '../domain/reservation.model.ts';
import type { InventoryTables } from './inventory.tables.ts';

const HEADER = ['id', 'order_id', 'status', 'expires_at', 'created_at', 'updated_at'] as const;

interface Header {
  id: string;
  order_id: string;
  status: ReservationStatus;
  expires_at: Date;
  created_at: Date;
  updated_at: Date;
}

/** Reservations and their lines; lines are read in SKU and warehouse order. */
export function createReservationRepository(db: Kysely<InventoryTables>) {
  async function withLines(headers: readonly Header[]): Promise<ReservationRecord[]> {
    if (headers.length === 0) return [];
    const lines = await db
      .selectFrom('reservation_lines')
      .select(['reservation_id', 'sku', 'warehouse_id', 'quantity'])
      .where('reservation_id', 'in', headers.map((h) => h.id))
      .orderBy('sku')
      .orderBy('warehouse_id')
      .execute();
    const byReservation = new Map<string, ReservationLine[]>();
    for (const line of lines) {
      const list = byReservation.get(line.reservation_id) ?? [];
      list.push({ sku: line.sku, warehouseId: line.warehouse_id, quantity: line.quantity });
      byReservation.set(line.reservation_id, list);
    }
    return headers.map((h) => ({
      id: h.id,
      orderId: h.order_id,
      status: h.status,
      lines: byReservation.get(h.id) ?? [],
      expiresAt: h.expires_at,
      createdAt: h.created_at,
      updatedAt: h.updated_at,
    }));
  }

  return {
    /**
     * Claims the order's one reservation. False when the order already has one; if another transaction is
     * claiming it right now, PostgreSQL waits for that one to finish first, so the answer is never a guess.
     */
    async claim(header: { id: string; orderId: string; status: ReservationStatus; expiresAt: Date; now: Date }): Promise<boolean> {
      const inserted = await db
        .insertInto('reservations')
        .values({ id: header.id, order_id: header.orderId, status: header.status, expires_at: header.expiresAt, created_at: header.now, updated_at: header.now })
        .onConflict((conflict) => conflict.column('order_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    /** The order's reservation; `lock` holds its row until the transaction ends. */
    async findByOrder(orderId: string, options: { lock?: boolean } = {}): Promise<ReservationRecord | undefined> {
      let query = db.selectFrom('reservations').select(HEADER).where('order_id', '=', orderId);
      if (options.lock) query = query.forUpdate();
      const header = await query.executeTakeFirst();
      return header && (await withLines([header]))[0];
    },

    async addLines(reservationId: string, lines: readonly ReservationLine[]): Promise<void> {
      await db
        .insertInto('reservation_lines')
        .values(lines.map((l) => ({ reservation_id: reservationId, sku: l.sku, warehouse_id: l.warehouseId, quantity: l.quantity })))
        .execute();
    },

    /** Moves reservations to a new status, stamped with `now`. */
    async setStatus(ids: readonly string[], status: ReservationStatus, now: Date): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('reservations')
        .set({ status, updated_at: now })
        .where('id', 'in', [...ids])
        .execute();
    },

    /**
     * Locks up to `limit` held reservations whose deadline has passed, oldest first. Rows another
     * transaction holds (being confirmed, or swept by another replica) are skipped, never waited for.
     */
    async lockExpired(now: Date, limit: number): Promise<ReservationRecord[]> {
      const headers = await db
        .selectFrom('reservations')
        .select(HEADER)
        .where('status', '=', 'held')
        .where('expires_at', '<=', now)
        .orderBy('expires_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      return withLines(headers);
    },
  };
}

export type ReservationRepository = ReturnType<typeof createReservationRepository>;
