import { type Kysely, sql } from '@bazaar/platform/db';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One payment per order (the unique order id is what makes authorizing twice one effect), and one
  // provider-side idempotency key per operation, fixed when its intent is recorded.
  await sql`
    CREATE TABLE payments (
      id text PRIMARY KEY,
      order_id text NOT NULL UNIQUE,
      customer_id text,
      amount_minor bigint NOT NULL CHECK (amount_minor BETWEEN 0 AND 10000000000),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL CHECK (status IN ('pending', 'authorized', 'declined', 'failed', 'capturing', 'captured', 'voiding', 'voided')),
      provider_authorization_id text,
      decline_code text,
      failure_code text,
      authorize_key text NOT NULL UNIQUE,
      capture_key text UNIQUE,
      void_key text UNIQUE,
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      authorized_at timestamptz,
      captured_at timestamptz,
      voided_at timestamptz,
      -- Only an order voided before it was ever authorized has no customer and no amount.
      CHECK ((customer_id IS NOT NULL AND amount_minor > 0) OR (status = 'voided' AND customer_id IS NULL AND amount_minor = 0)),
      CHECK (status NOT IN ('capturing', 'captured') OR provider_authorization_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX payments_customer ON payments (customer_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE payments`.execute(db);
}
