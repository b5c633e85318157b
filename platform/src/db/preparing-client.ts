import pg from 'pg';

/** Distinct statements one connection keeps prepared; past them, further statements are parsed each time. */
export const PREPARED_PER_CONNECTION = 100;

// "cached plan must not change result type": a table under a prepared `SELECT *` changed shape (a migration
// by another replica). The statement is prepared afresh on its next use.
const CACHED_PLAN_CHANGED = '0A000';

/**
 * A pg client that prepares each parameterized statement, by name, the first time its connection runs that
 * text, and from then on only binds and executes it: PostgreSQL parses and analyzes it once per connection
 * instead of on every call. Statements without parameters (BEGIN, COMMIT, SAVEPOINT, DDL) go as they are.
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();
  #prepared = 0;

  /** The name `text` is prepared under on this connection; undefined once the connection holds its share. */
  nameFor(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known !== undefined || this.#prepared >= PREPARED_PER_CONNECTION) return known;
    const name = `bazaar_${++this.#prepared}`;
    this.#names.set(text, name);
    return name;
  }

  /** Prepares `text` under a new name on its next use. */
  forget(text: string): void {
    this.#names.delete(text);
  }
}

// pg's `query` has a dozen overloads; only the form Kysely uses, (text, values) with a promise, is prepared.
const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
PreparingClient.prototype.query = function query(this: PreparingClient, ...args: unknown[]) {
  const [text, values, callback] = args;
  if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined) return plainQuery.apply(this, args);
  const name = this.nameFor(text);
  if (name === undefined) return plainQuery.apply(this, args);
  return (plainQuery.call(this, { name, text, values }) as Promise<pg.QueryResult>).catch((error: unknown) => {
    if ((error as { code?: string }).code === CACHED_PLAN_CHANGED) this.forget(text);
    throw error;
  });
} as unknown as pg.Client['query'];
