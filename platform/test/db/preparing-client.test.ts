import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, sql, type Database } from '@bazaar/platform/db';
import { testDatabase, testLogger } from '@bazaar/platform/testing';
import { PREPARED_PER_CONNECTION } from '../../src/db/preparing-client.ts';

interface Schema {
  things: { id: string; count: number; price: string; note: string | null };
}

const migrationsFolder = fileURLToPath(new URL('../fixtures/migrations', import.meta.url));

describe('statements prepared once per connection', () => {
  const made = testDatabase('platform_prepared');
  let database: Database<Schema>;
  // One connection, so every statement of a test runs where pg_prepared_statements can see it.
  beforeAll(async () => {
    database = await openDatabase<Schema>({ serverUrl: made.serverUrl, name: made.name, migrationsFolder, logger: testLogger('db'), poolSize: 1 });
    await database.db.insertInto('things').values({ id: 'a', count: 1, price: '2.50', note: null }).execute();
  });
  afterAll(async () => {
    await database.close();
    await made.drop();
  });

  /** The statements prepared on the pool's one connection; the query itself has no parameters, so it is not one of them. */
  async function prepared(): Promise<string[]> {
    const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements ORDER BY prepare_time`.execute(database.db);
    return rows.map((row) => row.statement);
  }

  it('prepares a parameterized statement on its first run and reuses it after', async () => {
    const before = await prepared();
    const query = database.db.selectFrom('things').select(['id', 'count']).where('id', '=', 'a');

    for (let run = 0; run < 3; run++) expect(await query.executeTakeFirst()).toEqual({ id: 'a', count: 1 });

    expect((await prepared()).filter((statement) => !before.includes(statement))).toEqual([query.compile().sql]);
  });

  it('leaves statements without parameters unprepared', async () => {
    const before = await prepared();
    await sql`SELECT count(*) FROM things`.execute(database.db);
    await database.db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
    });
    expect(await prepared()).toEqual(before);
  });

  it('prepares a statement afresh after its table changed shape under it', async () => {
    const findAll = () => database.db.selectFrom('things').selectAll().where('id', '=', 'a').executeTakeFirst();
    expect(await findAll()).toMatchObject({ id: 'a' });

    const other = new pg.Client({ connectionString: made.url });
    await other.connect();
    try {
      await other.query('ALTER TABLE things ADD COLUMN colour text');
    } finally {
      await other.end();
    }

    // PostgreSQL refuses the prepared plan once: its rows would have another shape.
    await expect(findAll()).rejects.toMatchObject({ code: '0A000' });
    expect(await findAll()).toMatchObject({ id: 'a', colour: null });
  });

  it(`stops preparing past ${PREPARED_PER_CONNECTION} statements on one connection and still runs the rest`, async () => {
    for (let i = 0; i < PREPARED_PER_CONNECTION + 5; i++) {
      const { rows } = await sql<{ n: number }>`SELECT ${i}::int + ${String(i)}::int AS ${sql.ref(`n${i}`)}`.execute(database.db);
      expect(Object.values(rows[0]!)).toEqual([2 * i]);
    }
    expect((await prepared()).length).toBe(PREPARED_PER_CONNECTION);
  });
});
