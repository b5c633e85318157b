import { sql, type Kysely, type QueryCreator, type Selectable } from 'kysely';
import type { SagaInstancesTable, SagaStatus, SagaStepsTable, StepPhase, StepStatus, WorkflowTables } from './saga.tables.ts';

type Db = Kysely<WorkflowTables>;

/** A saga instance as the engine works on it; `version` is the one it was read at. */
export interface SagaState {
  readonly id: string;
  readonly name: string;
  status: SagaStatus;
  currentStep: string | null;
  data: Record<string, unknown>;
  readonly version: number;
  deadlineAt: Date | null;
  failureReason: string | null;
  /** The attempt of the command at `currentStep` whose reply the saga awaits; null while it awaits none. */
  awaitedAttempt: number | null;
  readonly createdAt: Date;
  updatedAt: Date;
}

/** One line of a saga's step history: the latest state of one step in one phase. */
export interface StepRecord {
  readonly stepId: string;
  readonly phase: StepPhase;
  readonly status: StepStatus;
  readonly attempts: number;
  readonly sentAt: Date;
  readonly completedAt: Date | null;
  readonly detail: Record<string, unknown>;
}

/** Another transaction changed the instance since it was read: the caller's transaction must not commit. */
export class SagaVersionConflict extends Error {
  override readonly name = 'SagaVersionConflict';
}

function toState(row: Selectable<SagaInstancesTable>): SagaState {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    currentStep: row.current_step,
    data: row.data,
    version: row.version,
    deadlineAt: row.deadline_at,
    failureReason: row.failure_reason,
    awaitedAttempt: row.awaited_attempt,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toStep(row: Selectable<SagaStepsTable>): StepRecord {
  return {
    stepId: row.step_id,
    phase: row.phase,
    status: row.status,
    attempts: row.attempts,
    sentAt: row.sent_at,
    completedAt: row.completed_at,
    detail: row.detail,
  };
}

/** Inserts a new instance; false when one with this id exists already (a repeated start). */
export async function insertInstance(db: Db, state: SagaState): Promise<boolean> {
  const inserted = await db
    .insertInto('saga_instances')
    .values({
      id: state.id,
      name: state.name,
      status: state.status,
      current_step: state.currentStep,
      data: JSON.stringify(state.data),
      version: state.version,
      deadline_at: state.deadlineAt,
      created_at: state.createdAt,
      updated_at: state.updatedAt,
      failure_reason: state.failureReason,
      awaited_attempt: state.awaitedAttempt,
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .executeTakeFirst();
  return inserted.numInsertedOrUpdatedRows === 1n;
}

/** Reads an instance and locks it until the transaction ends, so replies and ticks for it take turns. */
export async function lockInstance(db: Db, id: string): Promise<SagaState | undefined> {
  const row = await db.selectFrom('saga_instances').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toState(row);
}

export async function readInstance(db: Db, id: string): Promise<SagaState | undefined> {
  const row = await db.selectFrom('saga_instances').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toState(row);
}

/**
 * Locks the in-flight instance of one of `names` with the oldest passed deadline that no other transaction holds. SKIP LOCKED lets
 * replicas tick side by side, each taking different instances; the row is re-checked after locking, so an
 * instance another replica has just moved on is no longer due.
 */
export async function lockNextDue(db: Db, now: Date, names: readonly string[], skip: readonly string[]): Promise<SagaState | undefined> {
  let query = db
    .selectFrom('saga_instances')
    .selectAll()
    .where('status', 'in', ['running', 'compensating'])
    .where('name', 'in', names)
    .where('deadline_at', '<=', now);
  if (skip.length > 0) query = query.where('id', 'not in', skip);
  const row = await query.orderBy('deadline_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
  return row && toState(row);
}

/** What a transition writes besides the instance: step attempts it made, and the sent attempt a reply or deadline ended. */
export interface StepChanges {
  readonly steps?: readonly StepWrite[];
  readonly ended?: StepEnd | undefined;
}

/**
 * Writes the instance back, with the step records its transition made, in one statement; the version check
 * refuses to overwrite a change made since it was read (and then nothing is written).
 */
export async function saveInstance(db: Db, state: SagaState, changes: StepChanges = {}): Promise<void> {
  const { steps = [], ended } = changes;
  let creator: QueryCreator<WorkflowTables> = db;
  if (steps.length > 0) creator = creator.with('written_steps', (qc) => upsertSteps(qc, state.id, steps));
  if (ended) creator = creator.with('ended_step', (qc) => endStep(qc, state.id, ended));
  const updated = await creator
    .updateTable('saga_instances')
    .set({
      status: state.status,
      current_step: state.currentStep,
      data: JSON.stringify(state.data),
      version: state.version + 1,
      deadline_at: state.deadlineAt,
      updated_at: state.updatedAt,
      failure_reason: state.failureReason,
      awaited_attempt: state.awaitedAttempt,
    })
    .where('id', '=', state.id)
    .where('version', '=', state.version)
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n) throw new SagaVersionConflict(`Saga ${state.id} changed since version ${state.version}`);
}

export async function findStep(db: Db, sagaId: string, stepId: string, phase: StepPhase): Promise<StepRecord | undefined> {
  const row = await db
    .selectFrom('saga_steps')
    .selectAll()
    .where('saga_id', '=', sagaId)
    .where('step_id', '=', stepId)
    .where('phase', '=', phase)
    .executeTakeFirst();
  return row && toStep(row);
}

export interface StepWrite {
  readonly stepId: string;
  readonly phase: StepPhase;
  readonly status: StepStatus;
  readonly attempts: number;
  readonly at: Date;
  readonly detail?: Record<string, unknown>;
}

/**
 * Records steps' attempts (sent, or run locally and finished); each detail merges into what earlier attempts left.
 * Two writes of one step and phase fold into one row, the later winning.
 */
function upsertSteps(db: QueryCreator<WorkflowTables>, sagaId: string, steps: readonly StepWrite[]) {
  const rows = new Map<string, StepWrite>();
  for (const step of steps) {
    const key = `${step.stepId}\u0000${step.phase}`;
    const earlier = rows.get(key);
    rows.set(key, earlier ? { ...step, detail: { ...earlier.detail, ...step.detail } } : step);
  }
  return db
    .insertInto('saga_steps')
    .values(
      [...rows.values()].map((step) => ({
        saga_id: sagaId,
        step_id: step.stepId,
        phase: step.phase,
        status: step.status,
        attempts: step.attempts,
        sent_at: step.at,
        completed_at: step.status === 'sent' ? null : step.at,
        detail: JSON.stringify(step.detail ?? {}),
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['saga_id', 'step_id', 'phase']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        attempts: eb.ref('excluded.attempts'),
        sent_at: eb.ref('excluded.sent_at'),
        completed_at: eb.ref('excluded.completed_at'),
        detail: sql`saga_steps.detail || excluded.detail`,
      })),
    );
}

/** How an attempt of a step ended: by a reply, a timeout or a failure. */
export type StepEnd = { stepId: string; phase: StepPhase; status: Exclude<StepStatus, 'sent'>; at: Date; detail: Record<string, unknown> };

function endStep(db: QueryCreator<WorkflowTables>, sagaId: string, step: StepEnd) {
  return db
    .updateTable('saga_steps')
    .set({ status: step.status, completed_at: step.at, detail: sql`detail || ${JSON.stringify(step.detail)}::jsonb` })
    .where('saga_id', '=', sagaId)
    .where('step_id', '=', step.stepId)
    .where('phase', '=', step.phase);
}

/** A saga's step history, by the time of each step's latest attempt. */
export async function listSteps(db: Db, sagaId: string): Promise<StepRecord[]> {
  const rows = await db.selectFrom('saga_steps').selectAll().where('saga_id', '=', sagaId).orderBy('sent_at').execute();
  return rows.map(toStep);
}
