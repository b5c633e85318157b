import type { Kysely } from 'kysely';
import type { Logger } from '../telemetry/logger.ts';
import { isRemote, isRemoteUndo, type SagaDefinition, type SagaStep, type StepCommand, type UndoOutcome } from './saga.definition.ts';
import type { CommandSender, ReplyOutcome, SagaReply } from './saga.messages.ts';
import type { SagaMetrics } from './saga.metrics.ts';
import { findStep, type SagaState, type StepEnd, type StepWrite } from './saga.store.ts';
import type { StepPhase, WorkflowTables } from './saga.tables.ts';
import { isolated } from './savepoint.ts';

type AnyStep<DB> = SagaStep<object, DB>;

/** Everything one transition needs: the transaction it happens in, the saga's definition and the time it happens at. */
export interface Transition<DB> {
  readonly trx: Kysely<DB>;
  readonly saga: SagaDefinition<object, DB>;
  readonly now: Date;
  readonly sender: CommandSender<DB>;
  readonly logger: Logger;
  readonly metrics: SagaMetrics;
  /** How long to wait before retrying an undo that has failed `attempts` times. */
  readonly retryDelayMs: (attempts: number) => number;
  /** The step records this transition made, written with the instance when it is saved. */
  readonly steps: StepWrite[];
  /** The sent attempt a reply (or its deadline) ended in this transition, recorded with the instance when it is saved. */
  ended: StepEnd | undefined;
}

const tables = <DB>(t: Transition<DB>) => t.trx as unknown as Kysely<WorkflowTables>;
const later = (now: Date, ms: number) => new Date(now.getTime() + ms);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function indexOf<DB>(t: Transition<DB>, stepId: string | null): number {
  const index = t.saga.steps.findIndex((step) => step.id === stepId);
  if (index < 0) throw new Error(`Saga '${t.saga.name}' has no step '${stepId}' (was it renamed while instances were in flight?)`);
  return index;
}

async function send<DB>(t: Transition<DB>, state: SagaState, stepId: string, phase: StepPhase, attempt: number, command: StepCommand, timeoutMs: number) {
  await t.sender.send(t.trx, { type: command.type, payload: command.payload, correlationId: state.id, stepId, phase, attempt });
  t.steps.push({ stepId, phase, status: 'sent', attempts: attempt, at: t.now, detail: { command: command.type } });
  state.currentStep = stepId;
  state.awaitedAttempt = attempt;
  state.deadlineAt = later(t.now, timeoutMs);
}

async function finish<DB>(t: Transition<DB>, state: SagaState, status: 'completed' | 'compensated' | 'failed') {
  state.status = status;
  state.deadlineAt = null;
  state.awaitedAttempt = null;
  // A saga that gave up keeps pointing at the undo an operator has to look at.
  if (status !== 'failed') state.currentStep = null;
  const end = { id: state.id, data: state.data };
  if (status === 'completed') await t.saga.onCompleted?.(t.trx, end);
  else await t.saga.onFailed?.(t.trx, { ...end, reason: state.failureReason ?? 'unknown', status });
  t.metrics.outcome(t.saga.name, status);
  t.logger.info({ sagaId: state.id, saga: t.saga.name, status, reason: state.failureReason ?? undefined }, 'saga finished');
}

/** Runs the steps from `index` on: local ones at once, up to the first remote one, whose command it sends. */
export async function runForward<DB>(t: Transition<DB>, state: SagaState, index: number): Promise<void> {
  for (let i = index; i < t.saga.steps.length; i++) {
    const step = t.saga.steps[i]!;
    if (isRemote(step)) return send(t, state, step.id, 'forward', 1, step.command(state.data), step.timeoutMs);
    const result = await isolated(t.trx, () => step.run(t.trx, state.data));
    if ('error' in result) throw result.error;
    const { outcome } = result;
    const detail = outcome.ok ? {} : { reason: outcome.reason };
    t.steps.push({ stepId: step.id, phase: 'forward', status: outcome.ok ? 'succeeded' : 'failed', attempts: 1, at: t.now, detail });
    if (!outcome.ok) return beginCompensation(t, state, i - 1, outcome.reason);
    state.data = { ...state.data, ...outcome.patch };
  }
  await finish(t, state, 'completed');
}

/**
 * Switches the saga to undoing, from step `index` down. The reason is kept for good: an undo that fails later is
 * logged and retried but never replaces it.
 */
export async function beginCompensation<DB>(t: Transition<DB>, state: SagaState, index: number, reason: string): Promise<void> {
  state.status = 'compensating';
  state.failureReason = reason;
  t.logger.info({ sagaId: state.id, saga: t.saga.name, reason }, 'saga compensating');
  await compensateFrom(t, state, index);
}

/** Undoes the steps from `index` down to the first, in reverse: local undos at once, up to the first remote undo. */
async function compensateFrom<DB>(t: Transition<DB>, state: SagaState, index: number): Promise<void> {
  for (let i = index; i >= 0; i--) {
    const step = t.saga.steps[i]!;
    if (!step.compensation) continue;
    if (!(await attemptUndo(t, state, step, 1))) return;
  }
  await finish(t, state, 'compensated');
}

/** Makes one attempt at a step's undo: true when it is done, false when the saga now waits (for a reply or a retry). */
async function attemptUndo<DB>(t: Transition<DB>, state: SagaState, step: AnyStep<DB>, attempt: number): Promise<boolean> {
  const undo = step.compensation!;
  if (isRemoteUndo(undo)) {
    await send(t, state, step.id, 'compensate', attempt, undo.command(state.data), undo.timeoutMs);
    return false;
  }
  const result = await isolated<UndoOutcome, DB>(t.trx, () => undo.run(t.trx, state.data));
  const failure = 'error' in result ? describe(result.error) : result.outcome.ok ? undefined : result.outcome.reason;
  const detail = failure === undefined ? {} : { lastFailure: failure };
  t.steps.push({ stepId: step.id, phase: 'compensate', status: failure === undefined ? 'succeeded' : 'failed', attempts: attempt, at: t.now, detail });
  if (failure === undefined) return true;
  await undoFailed(t, state, step, attempt, failure);
  return false;
}

/** An undo attempt failed or timed out: retry it after a backoff, or give up after its `maxAttempts`. */
async function undoFailed<DB>(t: Transition<DB>, state: SagaState, step: AnyStep<DB>, attempts: number, failure: string): Promise<void> {
  t.metrics.compensationFailed(t.saga.name, step.id);
  const context = { sagaId: state.id, saga: t.saga.name, step: step.id, attempt: attempts, failure, reason: state.failureReason };
  state.currentStep = step.id;
  const max = step.compensation?.maxAttempts;
  if (max !== undefined && attempts >= max) {
    t.logger.error(context, 'compensation gave up: the saga needs an operator');
    return finish(t, state, 'failed');
  }
  t.logger.warn(context, 'compensation failed; it will be retried');
  state.deadlineAt = later(t.now, t.retryDelayMs(attempts));
}

/**
 * Applies a participant's reply if it answers the one wait the saga is in: this step, this phase, this attempt,
 * still unanswered. Anything else — a duplicate, a reply to an attempt that timed out, a reply to a finished saga —
 * changes nothing.
 */
export async function applyReply<DB>(t: Transition<DB>, state: SagaState, reply: SagaReply): Promise<ReplyOutcome> {
  if (state.status !== 'running' && state.status !== 'compensating') return { applied: false, ignored: `the saga is ${state.status}` };
  const phase: StepPhase = state.status === 'running' ? 'forward' : 'compensate';
  if (reply.phase !== phase || reply.stepId !== state.currentStep) return { applied: false, ignored: 'the saga is not waiting for this step' };

  const index = indexOf(t, reply.stepId);
  const step = t.saga.steps[index]!;
  if (reply.attempt !== state.awaitedAttempt) return { applied: false, ignored: 'the saga is not waiting for this attempt' };
  const answer = { type: reply.replyType, payload: reply.payload };
  const seen = { reply: reply.replyType, messageId: reply.messageId };
  // The attempt's record is ended when the instance is saved, in the same statement.
  const end = (status: 'succeeded' | 'failed', detail: Record<string, unknown>) => {
    t.ended = { stepId: step.id, phase, status, at: t.now, detail };
    state.awaitedAttempt = null;
  };
  if (phase === 'forward') {
    if (!isRemote(step)) throw new Error(`Step '${step.id}' of saga '${t.saga.name}' is local and awaits no reply`);
    const outcome = step.onReply(state.data, answer);
    if (outcome.ok) {
      end('succeeded', seen);
      state.data = { ...state.data, ...outcome.patch };
      await runForward(t, state, index + 1);
    } else {
      end('failed', { ...seen, reason: outcome.reason });
      // The participant said it did nothing, so this step has nothing to undo.
      await beginCompensation(t, state, index - 1, outcome.reason);
    }
  } else {
    const undo = step.compensation;
    const outcome: UndoOutcome = undo && isRemoteUndo(undo) && undo.onReply ? undo.onReply(state.data, answer) : { ok: true };
    if (outcome.ok) {
      end('succeeded', seen);
      await compensateFrom(t, state, index - 1);
    } else {
      end('failed', { ...seen, lastFailure: outcome.reason });
      await undoFailed(t, state, step, reply.attempt, outcome.reason);
    }
  }
  return { applied: true };
}

/**
 * The saga's deadline passed. A forward step without a reply is undone along with the steps before it — its effect
 * is unknown, so its (idempotent) undo runs too. An undo without a reply is marked timed out and retried after a
 * backoff; an undo whose backoff is over is attempted again.
 */
export async function onDeadline<DB>(t: Transition<DB>, state: SagaState): Promise<void> {
  // Whatever the saga waited for, a reply to it comes too late now.
  const awaited = state.awaitedAttempt;
  state.awaitedAttempt = null;
  const index = indexOf(t, state.currentStep);
  const step = t.saga.steps[index]!;
  // A running saga past its deadline always awaits its step's reply; a compensating one awaits an undo's reply, or
  // (awaiting none) waits out the backoff before the next attempt.
  if (state.status === 'running') {
    if (isRemote(step) && step.retryUntilDone) {
      const attempts = awaited ?? 1;
      t.logger.warn({ sagaId: state.id, saga: t.saga.name, step: step.id, attempts }, 'saga step timed out; sending it again');
      return send(t, state, step.id, 'forward', attempts + 1, step.command(state.data), step.timeoutMs);
    }
    const waited = isRemote(step) ? step.timeoutMs : 0;
    const reason = `Step '${step.id}' got no reply within ${waited} ms`;
    t.ended = { stepId: step.id, phase: 'forward', status: 'timed_out', at: t.now, detail: { reason } };
    t.logger.warn({ sagaId: state.id, saga: t.saga.name, step: step.id }, 'saga step timed out');
    return beginCompensation(t, state, index, reason);
  }
  if (awaited !== null) {
    const undo = step.compensation;
    const failure = `no reply within ${undo && isRemoteUndo(undo) ? undo.timeoutMs : 0} ms`;
    t.ended = { stepId: step.id, phase: 'compensate', status: 'timed_out', at: t.now, detail: { lastFailure: failure } };
    return undoFailed(t, state, step, awaited, failure);
  }
  const attempts = (await findStep(tables(t), state.id, step.id, 'compensate'))?.attempts ?? 0;
  if (await attemptUndo(t, state, step, attempts + 1)) await compensateFrom(t, state, index - 1);
}
