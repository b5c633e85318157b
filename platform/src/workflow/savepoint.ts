import type { Kysely } from 'kysely';
import { statement } from '../db/statement.ts';

/** What isolated work came to: its outcome, or the error it threw. */
export type Isolated<T> = { readonly outcome: T } | { readonly error: unknown };

const SAVEPOINT = statement<never, []>('SAVEPOINT bazaar_saga_local');
const ROLLBACK_TO = statement<never, []>('ROLLBACK TO SAVEPOINT bazaar_saga_local');
const RELEASE = statement<never, []>('RELEASE SAVEPOINT bazaar_saga_local');

/**
 * Runs local work under a savepoint of the current transaction: when it fails (a failure outcome or a throw),
 * only its own writes are rolled back and the transaction stays usable to record the failure.
 */
export async function isolated<T extends { readonly ok: boolean }, DB>(trx: Kysely<DB>, work: () => Promise<T>): Promise<Isolated<T>> {
  await SAVEPOINT.execute(trx, []);
  let result: Isolated<T>;
  try {
    result = { outcome: await work() };
  } catch (error) {
    result = { error };
  }
  if ('error' in result || !result.outcome.ok) await ROLLBACK_TO.execute(trx, []);
  await RELEASE.execute(trx, []);
  return result;
}
