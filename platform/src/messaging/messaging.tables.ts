import { sql, type ColumnType, type Generated, type Kysely } from 'kysely';

/** Envelope metadata kept beside an outbox row's payload. */
export interface OutboxHeaders {
  readonly correlationId: string;
  readonly causationId?: string;
  readonly traceparent?: string;
}

export interface OutboxTable {
  id: string;
  type: string;
  version: number;
  routing_key: string;
  payload: ColumnType<unknown, string, never>;
  headers: ColumnType<OutboxHeaders, string, never>;
  occurred_at: ColumnType<Date, string, never>;
  published_at: ColumnType<Date | null, never, Date | null>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
}

export interface InboxTable {
  message_id: string;
  consumer: string;
  processed_at: Generated<Date>;
}

export interface DeadLetterTable {
  id: string;
  consumer: string;
  message_id: string | null;
  type: string | null;
  message: ColumnType<unknown, string | null, never>;
  raw: string | null;
  error: string;
  attempts: number;
  dead_at: Generated<Date>;
  redriven_at: ColumnType<Date | null, never, Date | null>;
}

/** The tables messaging keeps in a service's own database; a service's schema type extends it. */
export interface MessagingTables {
  outbox: OutboxTable;
  inbox: InboxTable;
  dead_letters: DeadLetterTable;
}

/**
 * Creates the outbox, inbox and dead-letter tables; a service calls it from one of its own migrations
 * (`export async function up(db) { await createMessagingTables(db) }`).
 */
export async function createMessagingTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE outbox (
      id text PRIMARY KEY,
      type text NOT NULL,
      version integer NOT NULL,
      routing_key text NOT NULL,
      payload jsonb NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(headers) = 'object'),
      occurred_at timestamptz NOT NULL,
      published_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text
    )`.execute(db);
  // The relay only ever reads unpublished rows in id order; the index stays as small as the backlog.
  await sql`CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE inbox (
      message_id text NOT NULL,
      consumer text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (message_id, consumer)
    )`.execute(db);

  await sql`
    CREATE TABLE dead_letters (
      id text PRIMARY KEY,
      consumer text NOT NULL,
      message_id text,
      type text,
      message jsonb,
      raw text,
      error text NOT NULL,
      attempts integer NOT NULL,
      dead_at timestamptz NOT NULL DEFAULT now(),
      redriven_at timestamptz,
      CHECK (message IS NOT NULL OR raw IS NOT NULL)
    )`.execute(db);
  // A message that is dead-lettered again before anyone re-drove it (a redelivery after a lost ack) is
  // recorded once.
  await sql`
    CREATE UNIQUE INDEX dead_letters_pending_once ON dead_letters (consumer, message_id)
    WHERE redriven_at IS NULL AND message_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX dead_letters_by_consumer ON dead_letters (consumer, id)`.execute(db);
}

/** Drops the messaging tables (a migration's `down`). */
export async function dropMessagingTables(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS dead_letters, inbox, outbox`.execute(db);
}

/** The messaging tables seen through a service's own schema type, which includes them. */
export function messagingDb<DB>(db: Kysely<DB>): Kysely<MessagingTables> {
  return db as unknown as Kysely<MessagingTables>;
}
