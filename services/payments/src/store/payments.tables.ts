import type { ColumnType } from '@bazaar/platform/db';
import type { MessagingTables } from '@bazaar/platform/messaging';
import type { PaymentStatus } from '../contract/payment.schemas.ts';

type Timestamp = ColumnType<Date, Date | undefined, Date>;
type OptionalTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;

export interface PaymentsTable {
  id: string;
  order_id: string;
  customer_id: string | null;
  /** bigint in PostgreSQL; the platform parses int8 to a number and refuses values past 2^53. */
  amount_minor: number;
  currency: string;
  status: PaymentStatus;
  provider_authorization_id: ColumnType<string | null, string | null | undefined, string | null>;
  decline_code: ColumnType<string | null, string | null | undefined, string | null>;
  failure_code: ColumnType<string | null, string | null | undefined, string | null>;
  authorize_key: string;
  capture_key: ColumnType<string | null, string | null | undefined, string | null>;
  void_key: ColumnType<string | null, string | null | undefined, string | null>;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  authorized_at: OptionalTimestamp;
  captured_at: OptionalTimestamp;
  voided_at: OptionalTimestamp;
}

/** Payments' database, as Kysely sees it. */
export interface PaymentsTables extends MessagingTables {
  payments: PaymentsTable;
}
