import { createRequire } from 'node:module';
import pg from 'pg';

/** Distinct statements one connection keeps prepared; past them, further statements are parsed each time. */
export const PREPARED_PER_CONNECTION = 100;

/**
 * Starts the text of a statement whose answer nobody reads (see `executeDeferred`): inside a transaction the client
 * holds it back and sends it with the transaction's next statement.
 */
export const DEFERRED_MARK = '/* bazaar:deferred */ ';

// "cached plan must not change result type": a table under a prepared `SELECT *` changed shape (a migration
// by another replica). The statement is prepared afresh on its next use.
const CACHED_PLAN_CHANGED = '0A000';

const BEGIN = /^\s*begin\s*;?\s*$/i;
const END = /^\s*(commit|rollback)\s*;?\s*$/i;
const SAVEPOINT = /^\s*savepoint\s+(\w+)\s*;?\s*$/i;
const RELEASE = /^\s*release\s+(?:savepoint\s+)?(\w+)\s*;?\s*$/i;
const ROLLBACK_TO = /^\s*rollback\s+to\s+(?:savepoint\s+)?(\w+)\s*;?\s*$/i;

// pg's own mapping of JavaScript values onto the wire, as its Query applies it when binding.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

/** What pg answers for a command that returns no rows, as Kysely reads it. */
const nothing = (command: string): pg.QueryResult => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/**
 * A statement held back to go with the next one: transaction control (no values), or a deferred write whose
 * answer nobody reads. `name` is its prepared statement's, when it has one.
 */
interface Held {
  readonly text: string;
  readonly values?: readonly unknown[];
  readonly name?: string;
  /** Transaction control that decides what commits: it must be sent even right before a COMMIT. */
  readonly binding: boolean;
}

/** The parts of pg's Query (and of its connection) that a query sent behind others works with. */
interface ProtocolConnection {
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: readonly unknown[]; valueMapper?: (value: unknown) => unknown }): void;
  execute(message: { portal: string }): void;
  readonly parsedStatements: Record<string, string>;
  readonly submittedNamedStatements: Record<string, string>;
}
type QueryInternals = {
  prepare(connection: ProtocolConnection): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: ProtocolConnection): void;
};
const QueryBase = pg.Query as unknown as new (config: pg.QueryConfig, values?: unknown, callback?: (error: Error | null, result: pg.QueryResult) => void) => QueryInternals;

/**
 * A statement sent behind the statements held back for it (BEGIN, SAVEPOINT, RELEASE, ROLLBACK TO, deferred
 * writes), in one write and under one Sync, so they cost no round trip of their own. Should one of them fail,
 * PostgreSQL skips the rest up to the Sync: the statement never runs outside the transaction or savepoint it
 * was written for, and the failure is its answer.
 */
class PrefixedQuery extends QueryBase {
  readonly #prefixes: readonly Held[];
  #completed = 0;

  constructor(prefixes: readonly Held[], config: pg.QueryConfig, callback: (error: Error | null, result: pg.QueryResult) => void) {
    super(config, undefined, callback);
    this.#prefixes = prefixes;
  }

  override prepare(connection: ProtocolConnection): void {
    for (const { text, values = [], name = '' } of this.#prefixes) {
      if (name === '' || (connection.parsedStatements[name] === undefined && connection.submittedNamedStatements[name] === undefined)) {
        connection.parse({ text, name, types: [] });
        if (name !== '') connection.submittedNamedStatements[name] = text;
      }
      connection.bind({ portal: '', statement: name, values, valueMapper: prepareValue });
      connection.execute({ portal: '' });
    }
    super.prepare(connection);
  }

  override handleDataRow(message: unknown): void {
    // Rows a prefix returns (a deferred write's RETURNING) are nobody's answer.
    if (this.#completed < this.#prefixes.length) return;
    super.handleDataRow(message);
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
 *   all, nor does a savepoint released or rolled back to before any statement under it;
 * - inside a transaction, it holds back a deferred write (one marked with DEFERRED_MARK, whose answer nobody
 *   reads) and sends it with the next statement, at the latest the COMMIT, whose answer its failure becomes.
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();
  #prepared = 0;
  #held: Held[] = [];
  #inTransaction = false;

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
   * Holds `text` back if it is transaction control or a deferred write inside a transaction (or cancels it
   * against what is held), and returns the answer pg would have given; undefined when it is a statement to
   * send now, after `takeHeld()`.
   */
  hold(text: string, values: readonly unknown[]): pg.QueryResult | undefined {
    if (text.startsWith(DEFERRED_MARK)) {
      const statement = text.slice(DEFERRED_MARK.length);
      if (!this.#inTransaction) return undefined;
      const { name } = this.nameFor(statement);
      this.#held.push({ text: statement, values, ...(name !== undefined && { name }), binding: true });
      // No count to give yet, so not an INSERT's answer: nobody reads it.
      return nothing('DEFERRED');
    }
    if (values.length > 0) return undefined;
    const held = this.#held;
    const last = held.at(-1)?.text;
    if (BEGIN.test(text) && held.length === 0) {
      this.#inTransaction = true;
      held.push({ text: 'BEGIN', binding: false });
      return nothing('BEGIN');
    }
    const savepoint = SAVEPOINT.exec(text)?.[1];
    if (savepoint !== undefined) {
      held.push({ text: `SAVEPOINT ${savepoint}`, binding: false });
      return nothing('SAVEPOINT');
    }
    const released = RELEASE.exec(text)?.[1];
    if (released !== undefined) {
      if (last === `SAVEPOINT ${released}`) held.pop();
      else held.push({ text: `RELEASE SAVEPOINT ${released}`, binding: false });
      return nothing('RELEASE');
    }
    const rolledBackTo = ROLLBACK_TO.exec(text)?.[1];
    if (rolledBackTo !== undefined) {
      // Rolling back to a savepoint nothing was sent under changes nothing; the savepoint stays, still held.
      if (last !== `SAVEPOINT ${rolledBackTo}`) held.push({ text: `ROLLBACK TO SAVEPOINT ${rolledBackTo}`, binding: true });
      return nothing('ROLLBACK');
    }
    const end = END.exec(text)?.[1]?.toUpperCase();
    if (end === undefined) return undefined;
    this.#inTransaction = false;
    if (end === 'ROLLBACK' || !held.some((statement) => statement.binding)) {
      // The end makes what is held moot: a rollback undoes it, and savepoints end with their transaction.
      const sentNothing = held[0]?.text === 'BEGIN';
      held.length = 0;
      // A transaction that sent nothing ends by sending nothing.
      if (sentNothing) return nothing(end);
    }
    return undefined;
  }

  /** Takes what is held back: the caller sends it before its statement. */
  takeHeld(): Held[] {
    const held = this.#held;
    this.#held = [];
    return held;
  }

  /** Notes a transaction opened or ended by a statement sent as it is. */
  noteSent(text: string): void {
    if (BEGIN.test(text)) this.#inTransaction = true;
    else if (END.test(text)) this.#inTransaction = false;
  }
}

// pg's `query` has a dozen overloads; only the form Kysely uses, (text, values) with a promise, is changed.
const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

PreparingClient.prototype.query = function query(this: PreparingClient, ...args: unknown[]) {
  const [given, values, callback] = args;
  const kyselyForm = typeof given === 'string' && Array.isArray(values) && callback === undefined;
  if (!kyselyForm) {
    // Any other form goes as it is, after what is held, in order.
    for (const { text, values: heldValues = [] } of this.takeHeld()) void (plainQuery.call(this, text, heldValues) as Promise<unknown>).catch(() => undefined);
    if (typeof given === 'string') this.noteSent(given);
    return plainQuery.apply(this, args);
  }
  const answered = this.hold(given, values);
  if (answered) return Promise.resolve(answered);
  const text = given.startsWith(DEFERRED_MARK) ? given.slice(DEFERRED_MARK.length) : given;
  const held = this.takeHeld();
  this.noteSent(text);
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
    // A statement prepared behind a prefix is marked parsed by the prefix's own ParseComplete; should the batch
    // have failed, that mark may be wrong, so it (and every prefix) is prepared under a new name next time. So
    // is a stale plan.
    if (fresh || (error as { code?: string }).code === CACHED_PLAN_CHANGED) this.forget(text);
    for (const prefix of held) if (prefix.name !== undefined) this.forget(prefix.text);
    throw error;
  });
} as unknown as pg.Client['query'];
