import pg from 'pg';

/** Distinct statements one connection keeps prepared; past them, further statements are parsed each time. */
export const PREPARED_PER_CONNECTION = 100;

// "cached plan must not change result type": a table under a prepared `SELECT *` changed shape (a migration
// by another replica). The statement is prepared afresh on its next use.
const CACHED_PLAN_CHANGED = '0A000';

const BEGIN = /^\s*begin\s*;?\s*$/i;
const END = /^\s*(commit|rollback)\s*;?\s*$/i;

/** What pg answers for a command that returns no rows, as Kysely reads it. */
const nothing = (command: string): pg.QueryResult => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/** The parts of pg's Query (and of its connection) that a query opening its own transaction works with. */
interface ProtocolConnection {
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: unknown[] }): void;
  execute(message: { portal: string }): void;
}
type QueryInternals = { prepare(connection: ProtocolConnection): void; handleCommandComplete(message: unknown, connection: ProtocolConnection): void };
const QueryBase = pg.Query as unknown as new (config: pg.QueryConfig, values?: unknown, callback?: (error: Error | null, result: pg.QueryResult) => void) => QueryInternals;

/**
 * A statement that opens the transaction it runs in: BEGIN goes with it, in one write and under one Sync, so
 * the transaction's first statement costs no round trip of its own. Should BEGIN fail, PostgreSQL skips the
 * statement (everything up to the Sync), so it never runs outside the transaction.
 */
class BeginningQuery extends QueryBase {
  #begun = false;

  override prepare(connection: ProtocolConnection): void {
    connection.parse({ text: 'BEGIN', name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: [] });
    connection.execute({ portal: '' });
    super.prepare(connection);
  }

  override handleCommandComplete(message: unknown, connection: ProtocolConnection): void {
    // The first command completed is BEGIN's; the statement's result is the one to answer with.
    if (!this.#begun) {
      this.#begun = true;
      return;
    }
    super.handleCommandComplete(message, connection);
  }
}

/**
 * A pg client that spends fewer round trips per statement:
 *
 * - it prepares each parameterized statement, by name, the first time its connection runs that text, and from
 *   then on only binds and executes it: PostgreSQL parses and analyzes it once per connection instead of on
 *   every call (statements without parameters, such as COMMIT, SAVEPOINT or DDL, go as they are);
 * - it holds a transaction's BEGIN back and sends it with the transaction's first statement. A transaction
 *   that ends before any statement (BEGIN then COMMIT or ROLLBACK) sends nothing at all.
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();
  #prepared = 0;
  #beginHeld = false;

  /**
   * The name `text` is prepared under on this connection, and whether this call gave it that name (so it is
   * parsed now); no name once the connection holds its share.
   */
  nameFor(text: string): { name?: string; fresh: boolean } {
    const known = this.#names.get(text);
    if (known !== undefined) return { name: known, fresh: false };
    if (this.#prepared >= PREPARED_PER_CONNECTION) return { fresh: false };
    const name = `bazaar_${++this.#prepared}`;
    this.#names.set(text, name);
    return { name, fresh: true };
  }

  /** Prepares `text` under a new name on its next use. */
  forget(text: string): void {
    this.#names.delete(text);
  }

  /** Takes the held BEGIN, if any: the caller sends it. */
  takeHeldBegin(): boolean {
    const held = this.#beginHeld;
    this.#beginHeld = false;
    return held;
  }

  /** Holds a BEGIN back until the next statement; false when one is held already (that BEGIN is then sent). */
  holdBegin(): boolean {
    if (this.#beginHeld) return false;
    this.#beginHeld = true;
    return true;
  }
}

// pg's `query` has a dozen overloads; only the form Kysely uses, (text, values) with a promise, is changed.
const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

PreparingClient.prototype.query = function query(this: PreparingClient, ...args: unknown[]) {
  const [text, values, callback] = args;
  const kyselyForm = typeof text === 'string' && Array.isArray(values) && callback === undefined;
  if (kyselyForm && values.length === 0 && BEGIN.test(text) && this.holdBegin()) return Promise.resolve(nothing('BEGIN'));
  const beginHeld = this.takeHeldBegin();
  if (beginHeld && kyselyForm && values.length === 0 && END.test(text)) return Promise.resolve(nothing(text.trim().split(/\s|;/)[0]!.toUpperCase()));
  if (!kyselyForm || values.length === 0) {
    // Anything else after a held BEGIN (a SAVEPOINT, a statement without parameters) goes after it, in order.
    if (beginHeld) void (plainQuery.call(this, 'BEGIN') as Promise<unknown>).catch(() => undefined);
    return plainQuery.apply(this, args);
  }
  const { name, fresh } = this.nameFor(text);
  const config: pg.QueryConfig = name === undefined ? { text, values } : { name, text, values };
  const running = beginHeld
    ? new Promise<pg.QueryResult>((resolve, reject) => {
        plainQuery.call(this, new BeginningQuery(config, undefined, (error, result) => (error ? reject(error) : resolve(result))));
      })
    : (plainQuery.call(this, config) as Promise<pg.QueryResult>);
  return running.catch((error: unknown) => {
    // A statement prepared under BEGIN is marked parsed by BEGIN's own ParseComplete; should it have failed to
    // parse, that mark is wrong, so it is prepared under a new name next time. So is one whose plan went stale.
    if ((beginHeld && fresh) || (error as { code?: string }).code === CACHED_PLAN_CHANGED) this.forget(text);
    throw error;
  });
} as unknown as pg.Client['query'];
