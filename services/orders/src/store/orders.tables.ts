import type { ColumnType, Generated } from '@bazaar/platform/db';
import type { MessagingTables } from '@bazaar/platform/messaging';
import type { WorkflowTables } from '@bazaar/platform/workflow';
import type { OrderStatus } from '../domain/order.state.ts';

export interface OrderEventsTable {
  order_id: string;
  version: number;
  type: string;
  payload: ColumnType<unknown, string, never>;
  occurred_at: ColumnType<Date, Date | undefined, never>;
}

export interface OrdersHistoryTable {
  id: string;
  user_id: string;
  status: OrderStatus;
  total_minor: ColumnType<number, number, number>;
  currency: string;
  lines_count: number;
  cancel_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  order_id: string;
  created_at: Generated<Date>;
}

/** Orders' database as Kysely sees it, with the platform's messaging and saga tables. */
export interface OrdersTables extends MessagingTables, WorkflowTables {
  order_events: OrderEventsTable;
  orders_history: OrdersHistoryTable;
  idempotency_keys: IdempotencyKeysTable;
}
