import type { Kysely, Transaction } from 'kysely';

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
