import pg from 'pg';

/** Distinct statements one connection keeps prepared; past them, further statements are parsed each time. */
export const PREPARED_PER_CONNECTION = 100;

// "cached plan must not change result type": a table under a prepared `SELECT *` changed shape (a migration
// by another replica). The statement is prepared afresh on its next use.
const CACHED_PLAN_CHANGED = '0A000';

const BEGIN = /^\s*begin\s*;?\s*$/i;
const END = /^\s*(commit|rollback)\s*;?\s*$/i;
const SAVEPOINT = /^\s*savepoint\s+(\w+)\s*;?\s*$/i;
const RELEASE = /^\s*release\s+(?:savepoint\s+)?(\w+)\s*;?\s*$/i;
const ROLLBACK_TO = /^\s*rollback\s+to\s+(?:savepoint\s+)?(\w+)\s*;?\s*$/i;

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
 * A statement sent behind the transaction-control statements held back for it (BEGIN, SAVEPOINT, RELEASE,
 * ROLLBACK TO), in one write and under one Sync, so they cost no round trip of their own. Should one of them
 * fail, PostgreSQL skips the rest up to the Sync: the statement never runs outside the transaction or savepoint
 * it was written for.
 */
class PrefixedQuery extends QueryBase {
  readonly #prefixes: readonly string[];
  #completed = 0;

  constructor(prefixes: readonly string[], config: pg.QueryConfig, callback: (error: Error | null, result: pg.QueryResult) => void) {
    super(config, undefined, callback);
    this.#prefixes = prefixes;
  }

  override prepare(connection: ProtocolConnection): void {
    for (const text of this.#prefixes) {
      connection.parse({ text, name: '', types: [] });
      connection.bind({ portal: '', statement: '', values: [] });
      connection.execute({ portal: '' });
    }
    super.prepare(connection);
  }

  override handleCommandComplete(message: unknown, connection: ProtocolConnection): void {
    // The prefixes complete first; the statement's own result is the one to answer with.
    if (this.#completed++ < this.#prefixes.length) return;
    super.handleCommandComplete(message, connection);
  }
}

/**
 * A pg client that spends fewer round trips per statement:
 *
 * - it prepares each parameterized statement, by name, the first time its connection runs that text, and from
 *   then on only binds and executes it: PostgreSQL parses and analyzes it once per connection instead of on
 *   every call (statements without parameters, such as COMMIT, SAVEPOINT or DDL, are not prepared);
 * - it holds transaction control back (BEGIN, SAVEPOINT, RELEASE, ROLLBACK TO) and sends it with the next
 *   statement. What cancels out is never sent: a transaction that ends before any statement sends nothing at
 *   all, nor does a savepoint released or rolled back to before any statement under it.
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();
  #prepared = 0;
  #held: string[] = [];

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

  /**
   * Holds `text` back if it is transaction control (or cancels it against what is held) and returns the answer
   * pg would have given; undefined when it is a statement to send, after `takeHeld()`.
   */
  hold(text: string): pg.QueryResult | undefined {
    const held = this.#held;
    const last = held.at(-1);
    if (BEGIN.test(text) && held.length === 0) {
      held.push('BEGIN');
      return nothing('BEGIN');
    }
    const savepoint = SAVEPOINT.exec(text)?.[1];
    if (savepoint !== undefined) {
      held.push(`SAVEPOINT ${savepoint}`);
      return nothing('SAVEPOINT');
    }
    const released = RELEASE.exec(text)?.[1];
    if (released !== undefined) {
      if (last === `SAVEPOINT ${released}`) held.pop();
      else held.push(`RELEASE SAVEPOINT ${released}`);
      return nothing('RELEASE');
    }
    const rolledBackTo = ROLLBACK_TO.exec(text)?.[1];
    if (rolledBackTo !== undefined) {
      // Rolling back to a savepoint nothing was sent under changes nothing; the savepoint stays, still held.
      if (last !== `SAVEPOINT ${rolledBackTo}`) held.push(`ROLLBACK TO SAVEPOINT ${rolledBackTo}`);
      return nothing('ROLLBACK');
    }
    const end = END.exec(text)?.[1];
    if (end !== undefined && held[0] === 'BEGIN') {
      // A transaction that sent nothing ends by sending nothing.
      held.length = 0;
      return nothing(end.toUpperCase());
    }
    if (end !== undefined && (end.toLowerCase() === 'rollback' || held.every((statement) => !statement.startsWith('ROLLBACK')))) {
      // The end of the transaction makes its savepoints moot, unless a held ROLLBACK TO must undo writes first.
      held.length = 0;
    }
    return undefined;
  }

  /** Takes what is held back: the caller sends it before its statement. */
  takeHeld(): string[] {
    const held = this.#held;
    this.#held = [];
    return held;
  }
}

// pg's `query` has a dozen overloads; only the form Kysely uses, (text, values) with a promise, is changed.
const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

PreparingClient.prototype.query = function query(this: PreparingClient, ...args: unknown[]) {
  const [text, values, callback] = args;
  const kyselyForm = typeof text === 'string' && Array.isArray(values) && callback === undefined;
  if (kyselyForm && values.length === 0) {
    const answered = this.hold(text);
    if (answered) return Promise.resolve(answered);
  }
  const held = this.takeHeld();
  if (!kyselyForm) {
    // Any other form goes as it is, after what is held, in order.
    for (const statement of held) void (plainQuery.call(this, statement) as Promise<unknown>).catch(() => undefined);
    return plainQuery.apply(this, args);
  }
  const { name, fresh } = values.length > 0 ? this.nameFor(text) : { fresh: false };
  const config: pg.QueryConfig = name === undefined ? { text, values } : { name, text, values };
  if (held.length === 0) {
    return (plainQuery.call(this, config) as Promise<pg.QueryResult>).catch((error: unknown) => {
      // A statement whose plan went stale is prepared under a new name next time.
      if ((error as { code?: string }).code === CACHED_PLAN_CHANGED) this.forget(text);
      throw error;
    });
  }
  return new Promise<pg.QueryResult>((resolve, reject) => {
    // pg's types lack `queryMode`; 'extended' makes a statement without parameters go through `prepare` too.
    const extended = { ...config, queryMode: 'extended' } as pg.QueryConfig;
    const prefixed = new PrefixedQuery(held, extended, (error, result) => (error ? reject(error) : resolve(result)));
    plainQuery.call(this, prefixed);
  }).catch((error: unknown) => {
    // A statement prepared behind a prefix is marked parsed by the prefix's own ParseComplete; should it have
    // failed to parse, that mark is wrong, so it is prepared under a new name next time. So is a stale plan.
    if (fresh || (error as { code?: string }).code === CACHED_PLAN_CHANGED) this.forget(text);
    throw error;
  });
} as unknown as pg.Client['query'];
