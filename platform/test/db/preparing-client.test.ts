import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDeferred, openDatabase, sql, type Database } from '@bazaar/platform/db';
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

  /** Counts the round trips the pool's one connection makes: each ends with a Sync or is one simple query. */
  async function roundTrips(work: () => Promise<unknown>): Promise<number> {
    const client = await database.pool.connect();
    client.release();
    const connection = (client as unknown as { connection: { sync(): void; query(text: string): void } }).connection;
    let count = 0;
    const { sync, query } = connection;
    connection.sync = function (this: unknown) {
      count += 1;
      sync.call(this);
    };
    connection.query = function (this: unknown, text: string) {
      count += 1;
      query.call(this, text);
    };
    try {
      await work();
    } finally {
      connection.sync = sync;
      connection.query = query;
    }
    return count;
  }

  it("sends a transaction's BEGIN together with its first statement", async () => {
    const trips = await roundTrips(() =>
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: 'b', count: 2, price: '1.00', note: null }).execute();
        await trx.updateTable('things').set({ count: 3 }).where('id', '=', 'b').execute();
      }),
    );
    // The insert with its BEGIN, the update, the COMMIT.
    expect(trips).toBe(3);
    expect(await database.db.selectFrom('things').select('count').where('id', '=', 'b').executeTakeFirst()).toEqual({ count: 3 });
  });

  it('sends nothing for a transaction that ends before its first statement', async () => {
    expect(await roundTrips(() => database.db.transaction().execute(async () => undefined))).toBe(0);
    expect(await roundTrips(() => database.db.transaction().execute(async () => Promise.reject(new Error('changed my mind'))).catch(() => undefined))).toBe(0);
  });

  it('keeps a transaction whole: a failure after its first statement leaves nothing behind', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: 'c', count: 1, price: '1.00', note: null }).execute();
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');
    expect(await database.db.selectFrom('things').select('id').where('id', '=', 'c').executeTakeFirst()).toBeUndefined();
  });

  it('rolls back when the first statement itself fails, and the connection serves the next transaction', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: 'a', count: 9, price: '1.00', note: null }).execute();
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('things').values({ id: 'd', count: 4, price: '1.00', note: null }).execute();
    });
    expect(await database.db.selectFrom('things').select('count').where('id', '=', 'd').executeTakeFirst()).toEqual({ count: 4 });
  });

  it('reports a first statement that does not parse with its own error every time, and the connection stays usable', async () => {
    const broken = () => database.db.transaction().execute((trx) => sql`SELEC ${1}::int`.execute(trx));
    await expect(broken()).rejects.toMatchObject({ code: '42601' });
    await expect(broken()).rejects.toMatchObject({ code: '42601' });
    expect(await database.db.selectFrom('things').select('id').where('id', '=', 'a').executeTakeFirst()).toEqual({ id: 'a' });
  });

  it('opens the transaction before a first statement without parameters, such as a savepoint', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`SAVEPOINT first`.execute(trx);
        await trx.insertInto('things').values({ id: 'e', count: 1, price: '1.00', note: null }).execute();
        throw new Error('undo it all');
      }),
    ).rejects.toThrow('undo it all');
    expect(await database.db.selectFrom('things').select('id').where('id', '=', 'e').executeTakeFirst()).toBeUndefined();
  });

  it('sends a savepoint with the statement after it, and its release with the one after that', async () => {
    const trips = await roundTrips(() =>
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: 'f', count: 1, price: '1.00', note: null }).execute();
        await sql`SAVEPOINT inner_work`.execute(trx);
        await trx.updateTable('things').set({ count: 2 }).where('id', '=', 'f').execute();
        await sql`RELEASE SAVEPOINT inner_work`.execute(trx);
        await trx.updateTable('things').set({ note: 'kept' }).where('id', '=', 'f').execute();
      }),
    );
    // The insert with BEGIN, the first update with SAVEPOINT, the second with RELEASE, the COMMIT.
    expect(trips).toBe(4);
    expect(await database.db.selectFrom('things').select(['count', 'note']).where('id', '=', 'f').executeTakeFirst()).toEqual({ count: 2, note: 'kept' });
  });

  it('undoes the writes under a savepoint rolled back to, even when the commit comes next', async () => {
    const trips = await roundTrips(() =>
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: 'g', count: 1, price: '1.00', note: null }).execute();
        await sql`SAVEPOINT inner_work`.execute(trx);
        await trx.updateTable('things').set({ count: 2 }).where('id', '=', 'g').execute();
        await sql`ROLLBACK TO SAVEPOINT inner_work`.execute(trx);
      }),
    );
    // The insert with BEGIN, the update with SAVEPOINT, the COMMIT with ROLLBACK TO.
    expect(trips).toBe(3);
    expect(await database.db.selectFrom('things').select('count').where('id', '=', 'g').executeTakeFirst()).toEqual({ count: 1 });
  });

  it('sends nothing for a savepoint released or rolled back to before any statement under it', async () => {
    const trips = await roundTrips(() =>
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: 'h', count: 1, price: '1.00', note: null }).execute();
        await sql`SAVEPOINT unused`.execute(trx);
        await sql`RELEASE SAVEPOINT unused`.execute(trx);
        await sql`SAVEPOINT undone`.execute(trx);
        await sql`ROLLBACK TO SAVEPOINT undone`.execute(trx);
      }),
    );
    // The insert with BEGIN, then COMMIT alone: the savepoint still held is moot at the commit.
    expect(trips).toBe(2);
    expect(await database.db.selectFrom('things').select('id').where('id', '=', 'h').executeTakeFirst()).toEqual({ id: 'h' });
  });

  it('recovers a transaction whose statement failed under a savepoint by rolling back to it', async () => {
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('things').values({ id: 'i', count: 1, price: '1.00', note: null }).execute();
      await sql`SAVEPOINT risky`.execute(trx);
      await expect(trx.insertInto('things').values({ id: 'a', count: 1, price: '1.00', note: null }).execute()).rejects.toMatchObject({ code: '23505' });
      await sql`ROLLBACK TO SAVEPOINT risky`.execute(trx);
      await trx.updateTable('things').set({ count: 5 }).where('id', '=', 'i').execute();
    });
    expect(await database.db.selectFrom('things').select('count').where('id', '=', 'i').executeTakeFirst()).toEqual({ count: 5 });
  });

  it('sends a deferred write with the next statement, at the latest the COMMIT', async () => {
    const trips = await roundTrips(() =>
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: 'j', count: 1, price: '1.00', note: null }).execute();
        await executeDeferred(trx, trx.insertInto('things').values({ id: 'k', count: 1, price: '1.00', note: null }));
        await executeDeferred(trx, trx.updateTable('things').set({ count: 2 }).where('id', '=', 'k'));
      }),
    );
    // The insert with BEGIN, then the COMMIT with both deferred writes.
    expect(trips).toBe(2);
    expect(await database.db.selectFrom('things').select(['id', 'count']).where('id', 'in', ['j', 'k']).orderBy('id').execute()).toEqual([
      { id: 'j', count: 1 },
      { id: 'k', count: 2 },
    ]);
  });

  it('defers a write that returns rows or opens with WITH, and its rows are not the next statement\'s answer', async () => {
    let answer: unknown[] = [];
    const trips = await roundTrips(() =>
      database.db.transaction().execute(async (trx) => {
        await executeDeferred(trx, trx.insertInto('things').values({ id: 'ja', count: 7, price: '1.00', note: null }).returning(['id', 'count']));
        await executeDeferred(trx, {
          sql: "WITH added AS (INSERT INTO things (id, count, price) VALUES ($1, 1, '1.00') RETURNING id) UPDATE things SET note = 'beside' WHERE id = $2",
          parameters: ['jb', 'ja'],
        });
        answer = (await trx.selectFrom('things').select('id').where('id', '=', 'j').execute()) as unknown[];
      }),
    );
    // BEGIN, both deferred writes and the SELECT in one trip; the COMMIT in another.
    expect(trips).toBe(2);
    expect(answer).toEqual([{ id: 'j' }]);
    expect(await database.db.selectFrom('things').select(['id', 'count', 'note']).where('id', 'in', ['ja', 'jb']).orderBy('id').execute()).toEqual([
      { id: 'ja', count: 7, note: 'beside' },
      { id: 'jb', count: 1, note: null },
    ]);
  });

  it('fails the COMMIT with the error of a deferred write, and nothing of the transaction stays', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: 'l', count: 1, price: '1.00', note: null }).execute();
        // A duplicate key: refused by PostgreSQL only when it travels, with the COMMIT.
        await executeDeferred(trx, trx.insertInto('things').values({ id: 'a', count: 1, price: '1.00', note: null }));
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await database.db.selectFrom('things').select('id').where('id', '=', 'l').executeTakeFirst()).toBeUndefined();
    expect(await database.db.selectFrom('things').select('id').where('id', '=', 'a').executeTakeFirst()).toEqual({ id: 'a' });
  });

  it('drops a deferred write whose transaction rolls back, sending nothing for it', async () => {
    const trips = await roundTrips(() =>
      database.db
        .transaction()
        .execute(async (trx) => {
          await executeDeferred(trx, trx.insertInto('things').values({ id: 'm', count: 1, price: '1.00', note: null }));
          throw new Error('changed my mind');
        })
        .catch(() => undefined),
    );
    expect(trips).toBe(0);
    expect(await database.db.selectFrom('things').select('id').where('id', '=', 'm').executeTakeFirst()).toBeUndefined();
  });

  it('runs a deferred write at once outside a transaction', async () => {
    await executeDeferred(database.db, database.db.insertInto('things').values({ id: 'n', count: 1, price: '1.00', note: null }));
    expect(await database.db.selectFrom('things').select('id').where('id', '=', 'n').executeTakeFirst()).toEqual({ id: 'n' });
  });

  it(`stops preparing past ${PREPARED_PER_CONNECTION} statements on one connection and still runs the rest`, async () => {
    const query = (i: number) => sql<{ n: number }>`SELECT ${i}::int + ${String(i)}::int AS ${sql.ref(`n${i}`)}`;
    for (let i = 0; i < PREPARED_PER_CONNECTION + 5; i++) {
      const { rows } = await query(i).execute(database.db);
      expect(Object.values(rows[0]!)).toEqual([2 * i]);
    }
    const statements = await prepared();
    expect(statements.length).toBeLessThanOrEqual(PREPARED_PER_CONNECTION);
    expect(statements).toContain(query(0).compile(database.db).sql);
    expect(statements).not.toContain(query(PREPARED_PER_CONNECTION + 4).compile(database.db).sql);
  });
});
