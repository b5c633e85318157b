import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, sql, statement, type Database } from '@bazaar/platform/db';
import { testDatabase, testLogger } from '@bazaar/platform/testing';

interface Schema {
  things: { id: string; count: number; price: string; note: string | null };
}
type Thing = Schema['things'];

const migrationsFolder = fileURLToPath(new URL('../fixtures/migrations', import.meta.url));

const FIND = statement<Thing, [id: string]>('SELECT id, count, price, note FROM things WHERE id = $1');
const INSERT_MANY = statement<never, [ids: string[], counts: number[], prices: string[], notes: (string | null)[]]>(`
  INSERT INTO things (id, count, price, note)
  SELECT * FROM unnest($1::text[], $2::int8[], $3::numeric[], $4::text[])
  ON CONFLICT (id) DO NOTHING`);
const BUMP = statement<never, [ids: string[]]>('UPDATE things SET count = count + 1 WHERE id = ANY($1::text[])');
const INSERT = statement<never, [id: string]>(`INSERT INTO things (id, count, price) VALUES ($1, 1, '1.00')`);

describe('a statement of fixed text', () => {
  const made = testDatabase('platform_statement');
  let database: Database<Schema>;

  beforeAll(async () => {
    database = await openDatabase<Schema>({ serverUrl: made.serverUrl, name: made.name, migrationsFolder, logger: testLogger('db'), poolSize: 1 });
  });
  beforeEach(async () => {
    await sql`TRUNCATE things`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
    await made.drop();
  });

  const ids = async () => (await database.db.selectFrom('things').select('id').orderBy('id').execute()).map((row) => row.id);

  it('returns rows parsed as the query builder parses them', async () => {
    await INSERT_MANY.execute(database.db, [['a'], [9_007_199_254_740_991], ['12.30'], ["O'Brien; DROP TABLE things"]]);

    const { rows } = await FIND.execute(database.db, ['a']);

    expect(rows).toEqual([await database.db.selectFrom('things').selectAll().where('id', '=', 'a').executeTakeFirst()]);
    expect(rows).toEqual([{ id: 'a', count: 9_007_199_254_740_991, price: '12.30', note: "O'Brien; DROP TABLE things" }]);
  });

  it('returns timestamps as dates and JSON as objects', async () => {
    const at = new Date('2024-05-06T07:08:09.123Z');
    const echo = statement<{ at: Date; detail: unknown }, [at: Date, detail: string]>('SELECT $1::timestamptz AS at, $2::jsonb AS detail');

    const { rows } = await echo.execute(database.db, [at, JSON.stringify({ step: 'reserve', attempts: [1, 2] })]);

    expect(rows).toEqual([{ at, detail: { step: 'reserve', attempts: [1, 2] } }]);
  });

  it('inserts any number of rows with one text, and counts the rows a write affected', async () => {
    const inserted = await INSERT_MANY.execute(database.db, [['a', 'b', 'c'], [1, 2, 3], ['1.00', '2.00', '3.00'], [null, null, 'x']]);
    const again = await INSERT_MANY.execute(database.db, [['c', 'd'], [3, 4], ['3.00', '4.00'], [null, null]]);
    const bumped = await BUMP.execute(database.db, [['a', 'b', 'z']]);
    const none = await BUMP.execute(database.db, [['z']]);
    const read = await FIND.execute(database.db, ['a']);

    expect([inserted.numAffectedRows, again.numAffectedRows, bumped.numAffectedRows, none.numAffectedRows]).toEqual([3n, 1n, 2n, 0n]);
    expect(read.numAffectedRows).toBeUndefined();
    expect(bumped.rows).toEqual([]);
    expect(await ids()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('commits a deferred write with the transaction it was made in', async () => {
    await database.db.transaction().execute(async (trx) => {
      await INSERT.defer(trx, ['a']);
      await BUMP.defer(trx, [['a']]);
    });
    expect((await FIND.execute(database.db, ['a'])).rows).toMatchObject([{ id: 'a', count: 2 }]);
  });

  it('fails the COMMIT with the error of a deferred write, and nothing of the transaction stays', async () => {
    await INSERT.execute(database.db, ['a']);

    const committing = database.db.transaction().execute(async (trx) => {
      await INSERT.execute(trx, ['b']);
      // A duplicate key: refused only when it travels, with the COMMIT.
      await INSERT.defer(trx, ['a']);
      return 'written';
    });

    await expect(committing).rejects.toMatchObject({ code: '23505', constraint: 'things_pkey' });
    expect(await ids()).toEqual(['a']);
  });

  it('runs a deferred write at once outside a transaction, failing there', async () => {
    await INSERT.defer(database.db, ['a']);
    expect(await ids()).toEqual(['a']);
    await expect(INSERT.defer(database.db, ['a'])).rejects.toMatchObject({ code: '23505' });
  });
});
