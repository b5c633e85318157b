import { type Compilable, CompiledQuery, type Kysely, sql, type Transaction } from 'kysely';
import { DEFERRED_MARK } from './preparing-client.ts';
import type { Result } from '../errors/result.ts';

type CommitHook = () => void;

// The hooks of each transaction `inTransaction()` opened, by the handle its work receives.
const commitHooks = new WeakMap<object, CommitHook[]>();

/**
 * Runs `work` in a transaction and, once it has committed, the hooks `afterCommit` registered on it. Inside a
 * transaction already, `work` joins it (and its hooks wait for that transaction's commit).
 */
export async function inTransaction<DB, T>(db: Kysely<DB> | Transaction<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  const hooks: CommitHook[] = [];
  const result = await db.transaction().execute((trx) => {
    commitHooks.set(trx, hooks);
    return work(trx);
  });
  for (const hook of hooks) hook();
  return result;
}

/**
 * Registers `hook` to run once the transaction `trx` has committed (never, if it rolls back). False when `trx`
 * is not a transaction `inTransaction()` opened: nobody would see its commit, so the hook is not registered.
 * Hooks run synchronously after the commit, in registration order, and must not throw.
 */
export function afterCommit(trx: object, hook: CommitHook): boolean {
  const hooks = commitHooks.get(trx);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}

/** Carries a failure out of Kysely's transaction, which rolls back only on a throw. */
class Rollback {
  readonly result: Result<never, unknown>;

  constructor(result: Result<never, unknown>) {
    this.result = result;
  }
}

// Savepoint names only need to differ between the savepoints open at once on one connection.
let savepoints = 0;

/**
 * Runs `work` in a transaction that commits when it returns a success and rolls back when it returns a failure
 * (or throws). Inside a transaction already, `work` runs under a savepoint of it: a failure undoes what `work`
 * wrote and nothing else, and the caller's transaction goes on.
 */
export async function inResultTransaction<DB, T, E>(
  db: Kysely<DB> | Transaction<DB>,
  work: (trx: Transaction<DB>) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  if (db.isTransaction) return underSavepoint(db as Transaction<DB>, work);
  try {
    return await inTransaction(db, async (trx) => {
      const result = await work(trx);
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result as Result<T, E>;
    throw error;
  }
}

async function underSavepoint<DB, T, E>(trx: Transaction<DB>, work: (trx: Transaction<DB>) => Promise<Result<T, E>>): Promise<Result<T, E>> {
  const name = sql.raw(`bazaar_sp_${(savepoints = (savepoints + 1) % 1_000_000)}`);
  await sql`SAVEPOINT ${name}`.execute(trx);
  let result: Result<T, E>;
  try {
    result = await work(trx);
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(trx);
    throw error;
  }
  await (result.ok ? sql`RELEASE SAVEPOINT ${name}` : sql`ROLLBACK TO SAVEPOINT ${name}`).execute(trx);
  return result;
}

/**
 * Executes a write whose answer nobody reads (no rows, no count). Inside a transaction it costs no round trip
 * of its own: the connection sends it with the transaction's next statement, at the latest the COMMIT, and
 * should it fail, that statement fails with its error (so the transaction never commits without it). Outside
 * a transaction it runs at once. Not for a statement whose failure the caller handles on the spot. `query` is a
 * query to compile, or a fixed statement's text and parameters (see `statement`).
 */
export async function executeDeferred<DB>(db: Kysely<DB> | Transaction<DB>, query: Compilable | Pick<CompiledQuery, 'sql' | 'parameters'>): Promise<void> {
  const { sql: text, parameters } = 'compile' in query ? query.compile() : query;
  await db.executeQuery(CompiledQuery.raw(`${DEFERRED_MARK}${text}`, [...parameters]));
}
