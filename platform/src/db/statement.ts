import { CompiledQuery, type Kysely, type QueryResult, type Transaction } from 'kysely';
import { executeDeferred } from './transaction.ts';

/**
 * A statement whose SQL text is fixed when its module loads, for the hot paths: running it binds `parameters` to
 * its placeholders `$1..$n`, in order, and costs no query building or compiling. Its rows come back parsed as any
 * Kysely query's do (see `pgTypes`).
 */
export interface Statement<Row, Parameters extends readonly unknown[]> {
  /** The SQL, its values only ever placeholders `$1..$n`. */
  readonly text: string;
  /** Runs the statement: its rows, and (for INSERT, UPDATE, DELETE) in `numAffectedRows` how many rows it wrote. */
  execute<DB>(db: Kysely<DB> | Transaction<DB>, parameters: Parameters): Promise<QueryResult<Row>>;
  /** Runs it as a write whose answer nobody reads, sent with the transaction's next statement (see `executeDeferred`). */
  defer<DB>(db: Kysely<DB> | Transaction<DB>, parameters: Parameters): Promise<void>;
}

/**
 * A statement of fixed `text`. Values only ever travel as parameters, never in the text; a varying number of rows
 * travels as one array parameter per column, spread by `unnest($1::text[], $2::int[], …)`, so the text stays fixed.
 * Being compiled by no one, it passes no plugin's `transformQuery` (plugins still see its result).
 */
export function statement<Row = never, Parameters extends readonly unknown[] = readonly unknown[]>(text: string): Statement<Row, Parameters> {
  return {
    text,
    // Kysely freezes the array it is given; callers pass a fresh one each time.
    execute: (db, parameters) => db.executeQuery(CompiledQuery.raw(text, parameters as unknown as unknown[]) as CompiledQuery<Row>),
    defer: (db, parameters) => executeDeferred(db, { sql: text, parameters }),
  };
}
