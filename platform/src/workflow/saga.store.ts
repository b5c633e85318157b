import type { Kysely, Selectable } from 'kysely';
import { statement } from '../db/statement.ts';
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

/** An instance's columns as a statement writes them; `version` is the one it was read at. */
type InstanceColumns = [
  id: string,
  version: number,
  status: SagaStatus,
  currentStep: string | null,
  data: string,
  deadlineAt: Date | null,
  updatedAt: Date,
  failureReason: string | null,
  awaitedAttempt: number | null,
];

function instanceColumns(state: SagaState): InstanceColumns {
  const { id, version, status, currentStep, deadlineAt, updatedAt, failureReason, awaitedAttempt } = state;
  return [id, version, status, currentStep, JSON.stringify(state.data), deadlineAt, updatedAt, failureReason, awaitedAttempt];
}

const INSERT_INSTANCE = statement<never, [...instance: InstanceColumns, name: string, createdAt: Date]>(`
  INSERT INTO saga_instances (id, version, status, current_step, data, deadline_at, updated_at, failure_reason, awaited_attempt, name, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (id) DO NOTHING`);

/** Inserts a new instance; false when one with this id exists already (a repeated start). */
export async function insertInstance(db: Db, state: SagaState): Promise<boolean> {
  const inserted = await INSERT_INSTANCE.execute(db, [...instanceColumns(state), state.name, state.createdAt]);
  return inserted.numAffectedRows === 1n;
}

const SELECT_INSTANCE = 'SELECT * FROM saga_instances WHERE id = $1';
const READ_INSTANCE = statement<Selectable<SagaInstancesTable>, [id: string]>(SELECT_INSTANCE);
const LOCK_INSTANCE = statement<Selectable<SagaInstancesTable>, [id: string]>(`${SELECT_INSTANCE} FOR UPDATE`);

/** Reads an instance and locks it until the transaction ends, so replies and ticks for it take turns. */
export async function lockInstance(db: Db, id: string): Promise<SagaState | undefined> {
  const row = (await LOCK_INSTANCE.execute(db, [id])).rows[0];
  return row && toState(row);
}

/** Reads an instance without locking it. */
export async function readInstance(db: Db, id: string): Promise<SagaState | undefined> {
  const row = (await READ_INSTANCE.execute(db, [id])).rows[0];
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

function placeholders(first: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `$${first + index}`);
}

/**
 * The save's text with, or without, the step records a transition wrote (seven column arrays) and the step attempt
 * it ended (five values), their placeholders following the instance's nine.
 */
function saveText(writesSteps: boolean, endsStep: boolean): string {
  const ctes: string[] = [];
  let next = 10;
  if (writesSteps) {
    const [step, phase, status, attempts, sentAt, completedAt, detail] = placeholders(next, 7);
    next += 7;
    // Each detail merges into what earlier attempts of the step left.
    ctes.push(`written_steps AS (
      INSERT INTO saga_steps (saga_id, step_id, phase, status, attempts, sent_at, completed_at, detail)
      SELECT $1::text, * FROM unnest(${step}::text[], ${phase}::text[], ${status}::text[], ${attempts}::int[],
                                     ${sentAt}::timestamptz[], ${completedAt}::timestamptz[], ${detail}::jsonb[])
      ON CONFLICT (saga_id, step_id, phase) DO UPDATE
      SET status = excluded.status, attempts = excluded.attempts, sent_at = excluded.sent_at,
          completed_at = excluded.completed_at, detail = saga_steps.detail || excluded.detail)`);
  }
  if (endsStep) {
    const [status, completedAt, detail, step, phase] = placeholders(next, 5);
    ctes.push(`ended_step AS (
      UPDATE saga_steps SET status = ${status}, completed_at = ${completedAt}, detail = detail || ${detail}::jsonb
      WHERE saga_id = $1 AND step_id = ${step} AND phase = ${phase})`);
  }
  return `${ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n` : ''}UPDATE saga_instances
    SET status = $3, current_step = $4, data = $5, version = version + 1, deadline_at = $6, updated_at = $7,
        failure_reason = $8, awaited_attempt = $9
    WHERE id = $1 AND CASE WHEN version = $2 THEN true ELSE saga_changed($1, $2) END`;
}

// By whether the transition wrote step records, then by whether it ended a step attempt.
const SAVE_INSTANCE = [false, true].map((writesSteps) => [false, true].map((endsStep) => statement(saveText(writesSteps, endsStep))));

/** What a transition writes besides the instance: step attempts it made, and the sent attempt a reply or deadline ended. */
export interface StepChanges {
  readonly steps?: readonly StepWrite[];
  readonly ended?: StepEnd | undefined;
}

/**
 * Writes the instance back, with the step records its transition made, in one statement that travels with the
 * transaction's next one (see `executeDeferred`): every transition holds the instance's row (locked, or inserted by
 * its own transaction), so nobody reads the answer. A version that moved since the instance was read would be a
 * bug; the statement then raises a serialization failure (see `addSagaSaveCheck`) and the transaction does not commit.
 */
export async function saveInstance(db: Db, state: SagaState, changes: StepChanges = {}): Promise<void> {
  const { steps = [], ended } = changes;
  const parameters: unknown[] = instanceColumns(state);
  if (steps.length > 0) parameters.push(...stepColumns(steps));
  if (ended) parameters.push(ended.status, ended.at, JSON.stringify(ended.detail), ended.stepId, ended.phase);
  await SAVE_INSTANCE[Number(steps.length > 0)]![Number(ended !== undefined)]!.defer(db, parameters);
}

const FIND_STEP = statement<Selectable<SagaStepsTable>, [sagaId: string, stepId: string, phase: StepPhase]>(
  'SELECT * FROM saga_steps WHERE saga_id = $1 AND step_id = $2 AND phase = $3',
);

/** The record of one step in one phase of a saga, if it has run there. */
export async function findStep(db: Db, sagaId: string, stepId: string, phase: StepPhase): Promise<StepRecord | undefined> {
  const row = (await FIND_STEP.execute(db, [sagaId, stepId, phase])).rows[0];
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
 * The step records of a transition's attempts (sent, or run locally and finished), a column each. Two writes of one
 * step and phase fold into one row, the later winning and its detail merged into the earlier's.
 */
function stepColumns(steps: readonly StepWrite[]): unknown[][] {
  const rows = new Map<string, StepWrite>();
  for (const step of steps) {
    const key = `${step.stepId}\u0000${step.phase}`;
    const earlier = rows.get(key);
    rows.set(key, earlier ? { ...step, detail: { ...earlier.detail, ...step.detail } } : step);
  }
  const folded = [...rows.values()];
  return [
    folded.map((step) => step.stepId),
    folded.map((step) => step.phase),
    folded.map((step) => step.status),
    folded.map((step) => step.attempts),
    folded.map((step) => step.at),
    folded.map((step) => (step.status === 'sent' ? null : step.at)),
    folded.map((step) => JSON.stringify(step.detail ?? {})),
  ];
}

/** How an attempt of a step ended: by a reply, a timeout or a failure. */
export type StepEnd = { stepId: string; phase: StepPhase; status: Exclude<StepStatus, 'sent'>; at: Date; detail: Record<string, unknown> };

/** A saga's step history, by the time of each step's latest attempt. */
export async function listSteps(db: Db, sagaId: string): Promise<StepRecord[]> {
  const rows = await db.selectFrom('saga_steps').selectAll().where('saga_id', '=', sagaId).orderBy('sent_at').execute();
  return rows.map(toStep);
}
