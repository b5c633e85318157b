import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { dropDatabase, ensureDatabase, openDatabase, sql, type Database, type Generated } from '@bazaar/platform/db';
import { createLogger } from '@bazaar/platform/telemetry';
import { testDatabase, testDatabaseServer } from '@bazaar/platform/testing';

interface Schema {
  things: { id: string; count: number; price: string; note: string | null };
  kysely_migration: { name: string; timestamp: Generated<string> };
}

const migrationsFolder = fileURLToPath(new URL('../fixtures/migrations', import.meta.url));
const serverUrl = testDatabaseServer();
const made: ReturnType<typeof testDatabase>[] = [];
const opened: Database<Schema>[] = [];

/** A database of this file's own, not created yet; dropped after all tests. */
function fresh() {
  const database = testDatabase('platform_db');
  made.push(database);
  return database;
}

const freshName = () => fresh().name;

/** A logger whose lines land in `lines`. */
function capturingLogger(lines: Record<string, unknown>[]) {
  return createLogger('db-test', 'info', { write: (line: string) => void lines.push(JSON.parse(line)) });
}

async function open(name: string, lines: Record<string, unknown>[] = [], folder = migrationsFolder) {
  const database = await openDatabase<Schema>({ serverUrl, name, migrationsFolder: folder, logger: capturingLogger(lines) });
  opened.push(database);
  return database;
}

async function exists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

const applied = (lines: Record<string, unknown>[]) => lines.filter((line) => line['msg'] === 'migration applied').map((line) => line['migration']);

afterAll(async () => {
  await Promise.all(opened.map((database) => database.close()));
  await Promise.all(made.map((database) => database.drop()));
});

describe('openDatabase', () => {
  it('creates its database when it is missing and applies the migrations in order', async () => {
    const name = freshName();
    expect(await exists(name)).toBe(false);
    const lines: Record<string, unknown>[] = [];
    const { db } = await open(name, lines);
    expect(await exists(name)).toBe(true);
    expect(applied(lines)).toEqual(['0001-create-things', '0002-add-thing-notes']);
    await db.insertInto('things').values({ id: 'thg_1', count: 3, price: '9.99', note: 'first' }).execute();
    expect(await db.selectFrom('things').selectAll().execute()).toEqual([{ id: 'thg_1', count: 3, price: '9.99', note: 'first' }]);
  });

  it('applies nothing when the database is already up to date', async () => {
    const name = freshName();
    await open(name);
    const lines: Record<string, unknown>[] = [];
    await open(name, lines);
    expect(applied(lines)).toEqual([]);
  });

  it('migrates once when two replicas open the same new database together', async () => {
    const name = freshName();
    const first: Record<string, unknown>[] = [];
    const second: Record<string, unknown>[] = [];
    const [a] = await Promise.all([open(name, first), open(name, second)]);
    expect([...applied(first), ...applied(second)].sort()).toEqual(['0001-create-things', '0002-add-thing-notes']);
    const rows = await a.db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
    expect(rows.map((row) => row.name)).toEqual(['0001-create-things', '0002-add-thing-notes']);
  });

  it('rejects with the error of a failing migration', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'bazaar-bad-migration-'));
    try {
      await writeFile(
        path.join(folder, '0001-broken.mjs'),
        "export async function up(db) { await db.schema.createTable('t').addColumn('id', 'no_such_type').execute(); }\n",
      );
      await expect(open(freshName(), [], folder)).rejects.toThrow(/no_such_type/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('answers its readiness check', async () => {
    const database = await open(freshName());
    await expect(database.check()).resolves.toBeUndefined();
  });
});

describe('listening for notifications', () => {
  it('hears a NOTIFY only once its transaction commits, and nothing from a rollback or after closing', async () => {
    const database = await open(freshName());
    let heard = 0;
    const payloads: (string | undefined)[] = [];
    const listener = database.listen('things_changed', (payload) => {
      heard += 1;
      payloads.push(payload);
    });
    // The listener calls once when it is connected (without a payload), for whatever it may have missed before.
    await vi.waitFor(() => expect(heard).toBe(1), { timeout: 5_000, interval: 10 });

    await database.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_notify('things_changed', 'thing_42')`.execute(trx);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toBe(1);
    });
    await vi.waitFor(() => expect(heard).toBe(2), { timeout: 5_000, interval: 10 });
    expect(payloads).toEqual([undefined, 'thing_42']);

    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_notify('things_changed', '')`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await sql`SELECT pg_notify('other_channel', '')`.execute(database.db);

    await listener.close();
    await sql`SELECT pg_notify('things_changed', '')`.execute(database.db);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toBe(2);
  });
});

describe('column types read from PostgreSQL', () => {
  it('reads int8 as a number', async () => {
    const { db } = await open(freshName());
    const { rows } = await sql<{ small: number; largest: number; smallest: number }>`
      SELECT 42::int8 AS small, 9007199254740991::int8 AS largest, (-9007199254740991)::int8 AS smallest`.execute(db);
    expect(rows[0]).toEqual({ small: 42, largest: Number.MAX_SAFE_INTEGER, smallest: Number.MIN_SAFE_INTEGER });
  });

  it('refuses an int8 past 2^53 with a RangeError instead of rounding it', async () => {
    const { db } = await open(freshName());
    await expect(sql`SELECT 9007199254740993::int8 AS n`.execute(db)).rejects.toThrow(RangeError);
    await expect(sql`SELECT (-9007199254740993)::int8 AS n`.execute(db)).rejects.toThrow(RangeError);
    // The connection is still good afterwards.
    expect((await sql<{ n: number }>`SELECT 1::int8 AS n`.execute(db)).rows[0]?.n).toBe(1);
  });

  it('keeps numeric as a string so no decimal becomes a float', async () => {
    const { db } = await open(freshName());
    const { rows } = await sql<{ price: string; tiny: string }>`SELECT 12.50::numeric(12, 2) AS price, 0.1::numeric + 0.2::numeric AS tiny`.execute(db);
    expect(rows[0]).toEqual({ price: '12.50', tiny: '0.3' });
  });
});

describe('ensureDatabase and dropDatabase', () => {
  it('creates a database once however often and however concurrently it is asked', async () => {
    const name = freshName();
    await Promise.all([ensureDatabase(serverUrl, name), ensureDatabase(serverUrl, name), ensureDatabase(serverUrl, name)]);
    await ensureDatabase(serverUrl, name);
    expect(await exists(name)).toBe(true);
  });

  it('drops a database even while a client is connected to it', async () => {
    const { name, url } = fresh();
    await ensureDatabase(serverUrl, name);
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    await dropDatabase(serverUrl, name);
    expect(await exists(name)).toBe(false);
    await client.end().catch(() => undefined);
  });

  it('drops a missing database without complaint', async () => {
    await expect(dropDatabase(serverUrl, freshName())).resolves.toBeUndefined();
  });
});
