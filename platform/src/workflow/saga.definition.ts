import type { Kysely } from 'kysely';

/** A message to a participant: an imperative type (`ReserveStock`) and what the participant needs to act. */
export interface StepCommand {
  readonly type: string;
  readonly payload: unknown;
}

/** A participant's answer to a command: the reply event's type (`stock.reserved`) and its payload. */
export interface StepReply {
  readonly type: string;
  readonly payload: unknown;
}

/** A step's verdict: success, with changes to merge into the saga data, or failure with a reason a person can read. */
export type StepOutcome<Data> = { readonly ok: true; readonly patch?: Partial<Data> } | { readonly ok: false; readonly reason: string };

/** An undo's verdict; a failed undo is retried with backoff. */
export type UndoOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A step done by another service: a command out, a reply back, and a deadline for the reply. */
interface RemoteAction<Data> {
  /** How long to wait for the reply before the saga compensates (or, with `retryUntilDone`, sends it again). */
  readonly timeoutMs: number;
  /**
   * The step is past the saga's point of no return (capturing after the order was confirmed): a missing
   * reply sends the command again, with a new attempt number, instead of undoing the saga. Its command must
   * be idempotent.
   */
  readonly retryUntilDone?: boolean;
  command(data: Data): StepCommand;
  onReply(data: Data, reply: StepReply): StepOutcome<Data>;
}

/**
 * A step done by the owning service itself, inside the orchestrator's transaction (for example "confirm the
 * order"). A failure outcome rolls back what `run` wrote; a throw aborts the whole transaction.
 */
interface LocalAction<Data, DB> {
  run(trx: Kysely<DB>, data: Data): Promise<StepOutcome<Data>>;
}

/** An undo done by another service. It must be idempotent: it may be sent again, and may undo a step whose effect is unknown. */
interface RemoteUndo<Data> {
  readonly timeoutMs: number;
  command(data: Data): StepCommand;
  /** Judges the undo's reply; without it, any reply counts as done. */
  onReply?(data: Data, reply: StepReply): UndoOutcome;
  /** Attempts before the saga gives up and ends `failed` for an operator; unlimited by default. */
  readonly maxAttempts?: number;
}

/** An undo done locally; a failure outcome or a throw rolls back what it wrote and is retried later. */
interface LocalUndo<Data, DB> {
  run(trx: Kysely<DB>, data: Data): Promise<UndoOutcome>;
  readonly maxAttempts?: number;
}

export type StepCompensation<Data, DB = unknown> = RemoteUndo<Data> | LocalUndo<Data, DB>;

interface StepIdentity<Data, DB> {
  /** Stable across releases: stored in the saga's state and echoed by participants. */
  readonly id: string;
  /** One line saying what the step does. */
  readonly doc: string;
  readonly compensation?: StepCompensation<Data, DB>;
}

/** One step of a saga, with the undo that reverses it. */
export type SagaStep<Data, DB = unknown> = StepIdentity<Data, DB> & (RemoteAction<Data> | LocalAction<Data, DB>);

/** What a saga's end hooks receive; they run inside the transaction that ends the saga. */
export interface SagaEnd<Data> {
  readonly id: string;
  readonly data: Data;
}

export interface SagaDefinition<Data extends object, DB = unknown> {
  /** Stable across releases: stored with every instance. */
  readonly name: string;
  readonly steps: readonly SagaStep<Data, DB>[];
  /** Every step succeeded; append the owner's own events here (e.g. OrderConfirmed). */
  onCompleted?(trx: Kysely<DB>, saga: SagaEnd<Data>): Promise<void> | void;
  /**
   * A step failed and the completed steps were undone (`compensated`), or an undo gave up (`failed`). The reason
   * is the original failure's, never the undo's.
   */
  onFailed?(trx: Kysely<DB>, saga: SagaEnd<Data> & { readonly reason: string; readonly status: 'compensated' | 'failed' }): Promise<void> | void;
}

/** True for a step that sends a command and waits for a reply. */
export function isRemote<Data, DB>(step: SagaStep<Data, DB>): step is StepIdentity<Data, DB> & RemoteAction<Data> {
  return 'command' in step;
}

export function isRemoteUndo<Data, DB>(undo: StepCompensation<Data, DB>): undo is RemoteUndo<Data> {
  return 'command' in undo;
}

const STEP_ID = /^[a-z][a-z0-9-]*$/;

function assertTimeout(owner: string, timeoutMs: number): void {
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new RangeError(`${owner} needs a positive timeoutMs (got ${timeoutMs})`);
}

/** Declares a step; misdeclared steps fail at startup, not mid-saga. */
export function defineStep<Data, DB = unknown>(step: SagaStep<Data, DB>): SagaStep<Data, DB> {
  if (!STEP_ID.test(step.id)) throw new TypeError(`Step id '${step.id}' must be kebab-case`);
  if (!step.doc.trim()) throw new TypeError(`Step '${step.id}' needs a one-line doc`);
  const remote = 'command' in step;
  if (remote === 'run' in step) throw new TypeError(`Step '${step.id}' needs exactly one of command (remote) or run (local)`);
  if (remote) assertTimeout(`Step '${step.id}'`, step.timeoutMs);
  const undo = step.compensation;
  if (undo) {
    const remoteUndo = 'command' in undo;
    if (remoteUndo === 'run' in undo) throw new TypeError(`The compensation of '${step.id}' needs exactly one of command or run`);
    if (remoteUndo) assertTimeout(`The compensation of '${step.id}'`, undo.timeoutMs);
    if (undo.maxAttempts !== undefined && !(Number.isInteger(undo.maxAttempts) && undo.maxAttempts >= 1)) {
      throw new RangeError(`The compensation of '${step.id}' needs maxAttempts >= 1 (got ${undo.maxAttempts})`);
    }
  }
  return step;
}

/** Declares a saga: its steps run in order, and on failure the undos of completed steps run in reverse. */
export function defineSaga<Data extends object, DB = unknown>(saga: SagaDefinition<Data, DB>): SagaDefinition<Data, DB> {
  if (!saga.name.trim()) throw new TypeError('A saga needs a name');
  if (saga.steps.length === 0) throw new TypeError(`Saga '${saga.name}' needs at least one step`);
  for (const step of saga.steps) defineStep(step);
  const ids = saga.steps.map((step) => step.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) throw new TypeError(`Saga '${saga.name}' has two steps with id '${repeated}'`);
  return saga;
}
