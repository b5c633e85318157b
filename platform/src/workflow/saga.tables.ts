import { sql, type ColumnType, type Kysely } from 'kysely';

/** `running` and `compensating` are in flight; the other three are final. */
export type SagaStatus = 'running' | 'compensating' | 'completed' | 'failed' | 'compensated';
export type StepPhase = 'forward' | 'compensate';
/** `sent` is the one state a reply can be applied in; `failed` and `timed_out` undos wait for a retry. */
export type StepStatus = 'sent' | 'succeeded' | 'failed' | 'timed_out';

type Json<T> = ColumnType<T, string, string>;

export interface SagaInstancesTable {
  id: string;
  name: string;
  status: SagaStatus;
  /** The step awaited (or whose undo is awaited); null once the saga is final. */
  current_step: string | null;
  data: Json<Record<string, unknown>>;
  version: number;
  /** When the awaited reply is overdue, or when a failed undo is retried; null once final. */
  deadline_at: Date | null;
  created_at: Date;
  updated_at: Date;
  failure_reason: string | null;
  /** The attempt of the command whose reply the saga awaits (at `current_step`); null while it awaits none. */
  awaited_attempt: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SagaStepsTable {
  saga_id: string;
  step_id: string;
  phase: StepPhase;
  status: StepStatus;
  attempts: number;
  sent_at: Date;
  completed_at: Date | null;
  detail: Json<Record<string, unknown>>;
}

/** The orchestrator's tables, as Kysely sees them. */
export interface WorkflowTables {
  saga_instances: SagaInstancesTable;
  saga_steps: SagaStepsTable;
}

/**
 * Creates the saga tables; the owning service calls it from one of its own migrations, and each later change
 * (`addSagaAwaitedAttempt`, `addSagaSaveCheck`) from a later one.
 */
export async function createWorkflowTables<DB>(db: Kysely<DB>): Promise<void> {
  await db.schema
    .createTable('saga_instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('running', 'compensating', 'completed', 'failed', 'compensated')`),
    )
    .addColumn('current_step', 'text')
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deadline_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .execute();
  // The tick's query: the in-flight instances that are due, oldest deadline first.
  await sql`CREATE INDEX saga_instances_due ON saga_instances (deadline_at) WHERE status IN ('running', 'compensating')`.execute(db);

  await db.schema
    .createTable('saga_steps')
    .addColumn('saga_id', 'text', (c) => c.notNull().references('saga_instances.id').onDelete('cascade'))
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull().check(sql`phase IN ('forward', 'compensate')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('sent', 'succeeded', 'failed', 'timed_out')`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('saga_steps_pkey', ['saga_id', 'step_id', 'phase'])
    .execute();
}

/**
 * Keeps on the instance which attempt its reply must answer, so that a reply is checked against the row the
 * transition locks anyway. Instances in flight take it from their step history.
 */
export async function addSagaAwaitedAttempt<DB>(db: Kysely<DB>): Promise<void> {
  await sql`ALTER TABLE saga_instances ADD COLUMN awaited_attempt integer`.execute(db);
  await sql`
    UPDATE saga_instances i SET awaited_attempt = s.attempts
    FROM saga_steps s
    WHERE s.saga_id = i.id AND s.step_id = i.current_step AND s.status = 'sent'
      AND i.status IN ('running', 'compensating')
      AND s.phase = CASE i.status WHEN 'running' THEN 'forward' ELSE 'compensate' END`.execute(db);
}

/** Undoes `addSagaAwaitedAttempt` (for the owner's `down` migration). */
export async function dropSagaAwaitedAttempt<DB>(db: Kysely<DB>): Promise<void> {
  await sql`ALTER TABLE saga_instances DROP COLUMN IF EXISTS awaited_attempt`.execute(db);
}

/**
 * Lets a save of an instance go out deferred, with the transaction's next statement, and still refuse loudly: the
 * save's UPDATE calls `saga_changed` on a row whose version moved since it was read, which raises a serialization
 * failure (SQLSTATE 40001) naming the saga, so that statement, or the COMMIT, fails and nothing commits.
 */
export async function addSagaSaveCheck<DB>(db: Kysely<DB>): Promise<void> {
  await sql`
    CREATE FUNCTION saga_changed(saga_id text, read_version integer) RETURNS boolean LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'Saga % changed since version %', saga_id, read_version USING ERRCODE = 'serialization_failure';
    END $$`.execute(db);
}

/** Undoes `addSagaSaveCheck` (for the owner's `down` migration). */
export async function dropSagaSaveCheck<DB>(db: Kysely<DB>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS saga_changed(text, integer)`.execute(db);
}

/** Drops the saga tables (for the owner's `down` migration). */
export async function dropWorkflowTables<DB>(db: Kysely<DB>): Promise<void> {
  await db.schema.dropTable('saga_steps').ifExists().execute();
  await db.schema.dropTable('saga_instances').ifExists().execute();
}
