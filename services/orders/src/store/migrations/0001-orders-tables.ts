import { type Kysely, sql } from '@bazaar/platform/db';
import { createMessagingTables, dropMessagingTables } from '@bazaar/platform/messaging';
import { createWorkflowTables, dropWorkflowTables } from '@bazaar/platform/workflow';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The primary key is the optimistic-concurrency check: two writers appending at the same version cannot both
  // commit, so an order's history is one line, never a fork.
  await sql`
    CREATE TABLE order_events (
      order_id text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      type text NOT NULL,
      payload jsonb NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (order_id, version)
    )`.execute(db);

  // A projection of the events, written in the same transaction as them: it is never behind its stream.
  await sql`
    CREATE TABLE orders_history (
      id text PRIMARY KEY,
      user_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('PENDING', 'RESERVED', 'AUTHORIZED', 'CONFIRMED', 'CANCELLED')),
      total_minor bigint NOT NULL CHECK (total_minor >= 0),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      lines_count integer NOT NULL CHECK (lines_count >= 1),
      cancel_reason text,
      version integer NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  // Order ids are time-sortable, so (user, id desc) is newest first for the history page.
  await sql`CREATE INDEX orders_history_by_user ON orders_history (user_id, id DESC)`.execute(db);

  await sql`
    CREATE TABLE idempotency_keys (
      user_id text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      order_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT idempotency_keys_once UNIQUE (user_id, key)
    )`.execute(db);

  await createMessagingTables(db);
  await createWorkflowTables(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropWorkflowTables(db);
  await dropMessagingTables(db);
  await sql`DROP TABLE IF EXISTS idempotency_keys, orders_history, order_events`.execute(db);
}
