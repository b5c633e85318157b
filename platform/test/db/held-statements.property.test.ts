import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDeferred, openDatabase, sql, type Database, type Transaction } from '@bazaar/platform/db';
import { testDatabase, testLogger } from '@bazaar/platform/testing';

interface Schema {
  things: { id: string; count: number; price: string; note: string | null };
}

/** One step of a transaction; release and rollback-to apply to the innermost open savepoint, if any. */
type Op =
  | { readonly kind: 'insert' | 'update'; readonly deferred: boolean; readonly pick: number }
  | { readonly kind: 'savepoint' | 'release' | 'rollbackTo' };

interface Program {
  readonly transactions: readonly { readonly ops: readonly Op[]; readonly end: 'commit' | 'rollback' }[];
}

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('insert' as const, 'update' as const), deferred: fc.boolean(), pick: fc.nat(20) }),
  fc.record({ kind: fc.constantFrom('savepoint' as const, 'release' as const, 'rollbackTo' as const) }),
);
const program: fc.Arbitrary<Program> = fc.record({
  transactions: fc.array(fc.record({ ops: fc.array(op, { maxLength: 8 }), end: fc.constantFrom('commit' as const, 'rollback' as const) }), {
    minLength: 1,
    maxLength: 4,
  }),
});

const migrationsFolder = fileURLToPath(new URL('../fixtures/migrations', import.meta.url));

/**
 * The client that holds statements back (BEGIN, savepoints, deferred writes) must leave the database exactly as a
 * plain client sending every statement at once does, whatever the sequence of transactions and savepoints.
 */
describe('statements held back by the client', () => {
  const made = testDatabase('platform_held');
  let database: Database<Schema>;
  let plain: pg.Client;

  beforeAll(async () => {
    database = await openDatabase<Schema>({ serverUrl: made.serverUrl, name: made.name, migrationsFolder, logger: testLogger('db'), poolSize: 1 });
    plain = new pg.Client({ connectionString: made.url });
    await plain.connect();
    await plain.query('CREATE TABLE plain_things (LIKE things INCLUDING ALL)');
  });
  afterAll(async () => {
    await plain.end();
    await database.close();
    await made.drop();
  });

  /** Runs `program` through Kysely and the holding client, with ids made by `idOf`. */
  async function runHeld(run: Program, idOf: (n: number) => string): Promise<void> {
    let inserted = 0;
    for (const transaction of run.transactions) {
      await database.db
        .transaction()
        .execute(async (trx: Transaction<Schema>) => {
          const open: string[] = [];
          for (const step of transaction.ops) {
            if (step.kind === 'insert') {
              const query = trx.insertInto('things').values({ id: idOf(inserted++), count: 1, price: '1.00', note: null });
              if (step.deferred) await executeDeferred(trx, query);
              else await query.execute();
            } else if (step.kind === 'update') {
              const query = trx.updateTable('things').set({ count: sql<number>`count + 1` }).where('id', '=', idOf(step.pick % Math.max(1, inserted)));
              if (step.deferred) await executeDeferred(trx, query);
              else await query.execute();
            } else if (step.kind === 'savepoint') {
              open.push(`sp_${open.length}`);
              await sql`SAVEPOINT ${sql.raw(open.at(-1)!)}`.execute(trx);
            } else if (open.length > 0) {
              const name = sql.raw(step.kind === 'release' ? open.pop()! : open.at(-1)!);
              await (step.kind === 'release' ? sql`RELEASE SAVEPOINT ${name}` : sql`ROLLBACK TO SAVEPOINT ${name}`).execute(trx);
            }
          }
          if (transaction.end === 'rollback') throw new RolledBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
        });
    }
  }

  /** Runs the same program statement by statement on a plain pg client. */
  async function runPlain(run: Program, idOf: (n: number) => string): Promise<void> {
    let inserted = 0;
    for (const transaction of run.transactions) {
      await plain.query('BEGIN');
      const open: string[] = [];
      for (const step of transaction.ops) {
        if (step.kind === 'insert') {
          await plain.query("INSERT INTO plain_things (id, count, price) VALUES ($1, 1, '1.00')", [idOf(inserted++)]);
        } else if (step.kind === 'update') {
          await plain.query('UPDATE plain_things SET count = count + 1 WHERE id = $1', [idOf(step.pick % Math.max(1, inserted))]);
        } else if (step.kind === 'savepoint') {
          open.push(`sp_${open.length}`);
          await plain.query(`SAVEPOINT ${open.at(-1)!}`);
        } else if (open.length > 0) {
          await plain.query(step.kind === 'release' ? `RELEASE SAVEPOINT ${open.pop()!}` : `ROLLBACK TO SAVEPOINT ${open.at(-1)!}`);
        }
      }
      await plain.query(transaction.end === 'commit' ? 'COMMIT' : 'ROLLBACK');
    }
  }

  it('leave every table as sending each statement at once would', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(program, async (run) => {
        const idOf = (n: number) => `r${runs}_${n}`;
        runs += 1;
        await runHeld(run, idOf);
        await runPlain(run, idOf);
        const held = await database.db.selectFrom('things').select(['id', 'count']).where('id', 'like', `r${runs - 1}\\_%`).orderBy('id').execute();
        const { rows } = await plain.query<{ id: string; count: string }>('SELECT id, count FROM plain_things WHERE id LIKE $1 ORDER BY id', [`r${runs - 1}\\_%`]);
        expect(held).toEqual(rows.map((row) => ({ id: row.id, count: Number(row.count) })));
      }),
      { numRuns: 60 },
    );
  });
});

class RolledBack extends Error {}
