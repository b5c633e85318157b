import { type Kysely, sql } from '@bazaar/platform/db';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE warehouses (
      id text PRIMARY KEY,
      name text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // The no-oversell invariant (DESIGN §5) written down where no code path can get around it: the locking
  // in the stock repository keeps it, and this check turns any slip into an error instead of an oversell.
  await sql`
    CREATE TABLE stock (
      sku text NOT NULL,
      warehouse_id text NOT NULL REFERENCES warehouses (id),
      on_hand integer NOT NULL CHECK (on_hand <= 1000000000),
      reserved integer NOT NULL DEFAULT 0,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (sku, warehouse_id),
      CONSTRAINT stock_reserved_within_on_hand CHECK (0 <= reserved AND reserved <= on_hand)
    )`.execute(db);

  // One reservation per order: the unique order id is what makes reserving idempotent.
  await sql`
    CREATE TABLE reservations (
      id text PRIMARY KEY,
      order_id text NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('held', 'confirmed', 'released', 'expired')),
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // The expiry sweep reads only held reservations, oldest deadline first.
  await sql`CREATE INDEX reservations_held_by_expiry ON reservations (expires_at) WHERE status = 'held'`.execute(db);

  await sql`
    CREATE TABLE reservation_lines (
      reservation_id text NOT NULL REFERENCES reservations (id),
      sku text NOT NULL,
      warehouse_id text NOT NULL,
      quantity integer NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (reservation_id, sku, warehouse_id),
      FOREIGN KEY (sku, warehouse_id) REFERENCES stock (sku, warehouse_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE reservation_lines`.execute(db);
  await sql`DROP TABLE reservations`.execute(db);
  await sql`DROP TABLE stock`.execute(db);
  await sql`DROP TABLE warehouses`.execute(db);
}
