import { type Kysely, sql } from '@bazaar/platform/db';
import { createMessagingTables, dropMessagingTables } from '@bazaar/platform/messaging';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createMessagingTables(db);

  // Where to write to a user, learnt from user.registered, for order events that carry no address.
  await sql`
    CREATE TABLE recipients (
      user_id text PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // source_message_id is UNIQUE so that an event delivered again, even past the inbox's memory, never
  // makes a second notification.
  await sql`
    CREATE TABLE notifications (
      id text PRIMARY KEY,
      user_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('welcome', 'order-confirmed', 'order-cancelled')),
      subject text NOT NULL,
      body text NOT NULL,
      order_id text,
      source_message_id text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    )`.execute(db);
  // The inbox is read newest first per user; ids are time-ordered, so (user_id, id) is the keyset order.
  await sql`CREATE INDEX notifications_by_user ON notifications (user_id, id DESC)`.execute(db);
  await sql`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE emails (
      id text PRIMARY KEY,
      notification_id text NOT NULL UNIQUE REFERENCES notifications (id),
      recipient text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // The sender only reads e-mails still queued; the index stays as small as the backlog.
  await sql`CREATE INDEX emails_queued ON emails (next_attempt_at) WHERE status = 'queued'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE emails, notifications, recipients`.execute(db);
  await dropMessagingTables(db);
}
