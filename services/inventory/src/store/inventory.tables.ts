import type { ColumnType, Generated } from '@bazaar/platform/db';
import type { MessagingTables } from '@bazaar/platform/messaging';
import type { ReservationStatus } from '../contract/reservation.schemas.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export interface WarehousesTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface StockTable {
  sku: string;
  warehouse_id: string;
  on_hand: number;
  reserved: Generated<number>;
  version: Generated<number>;
  updated_at: UpdatedAt;
}

export interface ReservationsTable {
  id: string;
  order_id: string;
  status: ReservationStatus;
  expires_at: Date;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ReservationLinesTable {
  reservation_id: string;
  sku: string;
  warehouse_id: string;
  quantity: number;
}

/** Inventory's database, as Kysely sees it, with the outbox and inbox of its saga consumers. */
export interface InventoryTables extends MessagingTables {
  warehouses: WarehousesTable;
  stock: StockTable;
  reservations: ReservationsTable;
  reservation_lines: ReservationLinesTable;
}
