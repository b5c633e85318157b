import { statement, type Kysely } from '@bazaar/platform/db';
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

const CLAIM = statement<never, [id: string, orderId: string, status: ReservationStatus, expiresAt: Date, now: Date]>(`
  INSERT INTO reservations (id, order_id, status, expires_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
  ON CONFLICT (order_id) DO NOTHING`);

type Line = { reservation_id: string; sku: string; warehouse_id: string; quantity: number };

// An order's reservation with its lines, one row per line (one row with null line columns when it has none).
const BY_ORDER = `
  SELECT ${HEADER.map((column) => `r.${column}`).join(', ')}, l.sku, l.warehouse_id, l.quantity
  FROM reservations r LEFT JOIN reservation_lines l ON l.reservation_id = r.id
  WHERE r.order_id = $1
  ORDER BY l.sku, l.warehouse_id`;
type HeaderWithLine = Header & { [K in keyof Omit<Line, 'reservation_id'>]: Line[K] | null };
const FIND_BY_ORDER = statement<HeaderWithLine, [orderId: string]>(BY_ORDER);
const LOCK_BY_ORDER = statement<HeaderWithLine, [orderId: string]>(`${BY_ORDER} FOR UPDATE OF r`);

const LINES_OF = statement<Line, [reservationIds: string[]]>(`
  SELECT reservation_id, sku, warehouse_id, quantity FROM reservation_lines
  WHERE reservation_id = ANY($1::text[])
  ORDER BY sku, warehouse_id`);

const ADD_LINES = statement<never, [reservationId: string, skus: string[], warehouseIds: string[], quantities: number[]]>(`
  INSERT INTO reservation_lines (reservation_id, sku, warehouse_id, quantity)
  SELECT $1::text, * FROM unnest($2::text[], $3::text[], $4::int[])`);

const SET_STATUS = statement<never, [ids: readonly string[], status: ReservationStatus, now: Date]>(
  'UPDATE reservations SET status = $2, updated_at = $3 WHERE id = ANY($1::text[])',
);

function toRecord(header: Header, lines: ReservationLine[]): ReservationRecord {
  return {
    id: header.id,
    orderId: header.order_id,
    status: header.status,
    lines,
    expiresAt: header.expires_at,
    createdAt: header.created_at,
    updatedAt: header.updated_at,
  };
}

/** Reservations and their lines; lines are read in SKU and warehouse order. */
export function createReservationRepository(db: Kysely<InventoryTables>) {
  async function withLines(headers: readonly Header[]): Promise<ReservationRecord[]> {
    if (headers.length === 0) return [];
    const { rows: lines } = await LINES_OF.execute(db, [headers.map((h) => h.id)]);
    const byReservation = new Map<string, ReservationLine[]>();
    for (const line of lines) {
      const list = byReservation.get(line.reservation_id) ?? [];
      list.push({ sku: line.sku, warehouseId: line.warehouse_id, quantity: line.quantity });
      byReservation.set(line.reservation_id, list);
    }
    return headers.map((h) => toRecord(h, byReservation.get(h.id) ?? []));
  }

  return {
    /**
     * Claims the order's one reservation. False when the order already has one; if another transaction is
     * claiming it right now, PostgreSQL waits for that one to finish first, so the answer is never a guess.
     */
    async claim(header: { id: string; orderId: string; status: ReservationStatus; expiresAt: Date; now: Date }): Promise<boolean> {
      const inserted = await CLAIM.execute(db, [header.id, header.orderId, header.status, header.expiresAt, header.now]);
      return inserted.numAffectedRows === 1n;
    },

    /** The order's reservation with its lines, in one round trip; `lock` holds its row until the transaction ends. */
    async findByOrder(orderId: string, options: { lock?: boolean } = {}): Promise<ReservationRecord | undefined> {
      const { rows } = await (options.lock ? LOCK_BY_ORDER : FIND_BY_ORDER).execute(db, [orderId]);
      if (rows.length === 0) return undefined;
      const lines = rows.flatMap(({ sku, warehouse_id, quantity }) => (sku === null || warehouse_id === null || quantity === null ? [] : [{ sku, warehouseId: warehouse_id, quantity }]));
      return toRecord(rows[0]!, lines);
    },

    /**
     * Adds the lines of a reservation this transaction claimed. Nobody reads the answer, so it travels with the
     * transaction's next statement (see `executeDeferred`); a refused line fails that statement.
     */
    async addLines(reservationId: string, lines: readonly ReservationLine[]): Promise<void> {
      await ADD_LINES.defer(db, [reservationId, lines.map((l) => l.sku), lines.map((l) => l.warehouseId), lines.map((l) => l.quantity)]);
    },

    /** Moves reservations the caller holds to a new status, stamped with `now`; sent with the next statement, as `addLines` is. */
    async setStatus(ids: readonly string[], status: ReservationStatus, now: Date): Promise<void> {
      if (ids.length === 0) return;
      await SET_STATUS.defer(db, [ids, status, now]);
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
