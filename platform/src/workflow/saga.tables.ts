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

/** Creates the saga tables; the owning service calls it from one of its own migrations. */
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

/** Drops the saga tables (for the owner's `down` migration). */
export async function dropWorkflowTables<DB>(db: Kysely<DB>): Promise<void> {
  await db.schema.dropTable('saga_steps').ifExists().execute();
  await db.schema.dropTable('saga_instances').ifExists().execute();
}
