import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import { inTransaction } from '../db/transaction.ts';
import { createLogger, type Logger } from '../telemetry/logger.ts';
import type { SagaDefinition } from './saga.definition.ts';
import { applyReply, onDeadline, runForward, type Transition } from './saga.engine.ts';
import type { CommandSender, ReplyOutcome, SagaReply } from './saga.messages.ts';
import { createSagaMetrics } from './saga.metrics.ts';
import { insertInstance, listSteps, lockInstance, lockNextDue, readInstance, saveInstance, type SagaState, type StepRecord } from './saga.store.ts';
import type { WorkflowTables } from './saga.tables.ts';

export interface SagaOrchestratorOptions<DB> {
  /** The owning service's database, holding the tables `createWorkflowTables` made. */
  readonly db: Kysely<DB>;
  readonly sender: CommandSender<DB>;
  readonly sagas: readonly SagaDefinition<object, DB>[];
  readonly logger?: Logger;
  /** Where the saga counters go; none by default. */
  readonly registry?: Registry;
  /** The time transitions are stamped with and deadlines measured from; replaceable in tests. */
  readonly clock?: () => Date;
  /** Most instances one tick handles (default 50), so one tick stays short however much is due. */
  readonly batchSize?: number;
  /** Retry delay of a failed undo: `initialMs` doubling per attempt up to `maxMs` (defaults 1 s and 60 s). */
  readonly retryBackoff?: { readonly initialMs?: number; readonly maxMs?: number };
}

/** A saga instance and its step history, for inspection (admin views, tests). */
export interface SagaView extends Readonly<SagaState> {
  readonly steps: readonly StepRecord[];
}

/** What one tick did: instances moved on, instances whose handling threw, and whether more may be due. */
export interface TickResult {
  readonly processed: number;
  readonly failed: number;
  readonly more: boolean;
}

export interface SagaOrchestrator<DB> {
  /**
   * Starts a saga in the caller's transaction (together with the caller's own change, e.g. OrderPlaced) and sends
   * its first command there. Starting an id that exists already does nothing: `started` is false.
   */
  start<Data extends object>(trx: Kysely<DB>, saga: string | SagaDefinition<Data, DB>, sagaId: string, data: Data): Promise<{ started: boolean }>;
  /** Applies a participant's reply in the caller's transaction (the consumer's, with its inbox row); idempotent. */
  handleReply(trx: Kysely<DB>, reply: SagaReply): Promise<ReplyOutcome>;
  /** Handles up to one batch of instances whose deadline has passed; safe to run on several replicas at once. */
  tick(now?: Date): Promise<TickResult>;
  inspect(sagaId: string): Promise<SagaView | undefined>;
}

/** Steps in the order a saga runs them: forward in declaration order, then the undos in reverse. */
function inRunOrder<DB>(saga: SagaDefinition<object, DB>, steps: StepRecord[]): StepRecord[] {
  const position = (step: StepRecord) => {
    const index = saga.steps.findIndex((declared) => declared.id === step.stepId);
    return step.phase === 'forward' ? index : 2 * saga.steps.length - index;
  };
  return [...steps].sort((a, b) => position(a) - position(b));
}

const tables = <DB>(db: Kysely<DB>) => db as unknown as Kysely<WorkflowTables>;

/**
 * A durable saga orchestrator. It keeps no state of its own between calls: every transition reads the instance
 * from the database, changes it together with the commands it sends in one transaction, and writes it back. So
 * after a crash a new orchestrator over the same database carries on where the old one stopped.
 */
export function createSagaOrchestrator<DB>(options: SagaOrchestratorOptions<DB>): SagaOrchestrator<DB> {
  const { db, sender } = options;
  const logger = options.logger ?? createLogger('workflow', 'silent');
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 50;
  const initialMs = options.retryBackoff?.initialMs ?? 1_000;
  const maxMs = options.retryBackoff?.maxMs ?? 60_000;
  const metrics = createSagaMetrics(options.registry);
  if (options.sagas.length === 0) throw new TypeError('An orchestrator needs at least one saga');
  const sagas = new Map<string, SagaDefinition<object, DB>>();
  for (const saga of options.sagas) {
    if (sagas.has(saga.name)) throw new TypeError(`Two sagas are named '${saga.name}'`);
    sagas.set(saga.name, saga);
  }
  const names = [...sagas.keys()];

  const transition = (trx: Kysely<DB>, saga: SagaDefinition<object, DB>, now: Date): Transition<DB> => ({
    trx,
    saga,
    now,
    sender,
    logger,
    metrics,
    retryDelayMs: (attempts) => Math.min(maxMs, initialMs * 2 ** (attempts - 1)),
    steps: [],
    ended: undefined,
  });

  function definition(name: string): SagaDefinition<object, DB> {
    const saga = sagas.get(name);
    if (!saga) throw new Error(`No saga named '${name}' is registered with this orchestrator`);
    return saga;
  }

  /** Writes the instance back with the step records of transition `t`. */
  async function save(t: Transition<DB>, state: SagaState) {
    state.updatedAt = t.now;
    await saveInstance(tables(t.trx), state, { steps: t.steps, ended: t.ended });
  }

  return {
    async start(trx, saga, sagaId, data) {
      const definitionOf = definition(typeof saga === 'string' ? saga : saga.name);
      if (!sagaId) throw new TypeError('A saga needs an id');
      const now = clock();
      return inTransaction(trx, async (tx) => {
        const state: SagaState = {
          id: sagaId,
          name: definitionOf.name,
          status: 'running',
          currentStep: definitionOf.steps[0]!.id,
          data: { ...data } as Record<string, unknown>,
          version: 0,
          deadlineAt: null,
          failureReason: null,
          awaitedAttempt: null,
          createdAt: now,
          updatedAt: now,
        };
        if (!(await insertInstance(tables(tx), state))) return { started: false };
        const t = transition(tx, definitionOf, now);
        await runForward(t, state, 0);
        await save(t, state);
        return { started: true };
      });
    },

    async handleReply(trx, reply) {
      const now = clock();
      return inTransaction(trx, async (tx) => {
        const state = await lockInstance(tables(tx), reply.correlationId);
        if (!state) return { applied: false, ignored: 'no saga has this id' };
        const t = transition(tx, definition(state.name), now);
        const outcome = await applyReply(t, state, reply);
        if (outcome.applied) await save(t, state);
        else logger.debug({ sagaId: state.id, step: reply.stepId, phase: reply.phase, attempt: reply.attempt, why: outcome.ignored }, 'saga reply ignored');
        return outcome;
      });
    },

    async tick(now = clock()) {
      // An instance whose handling throws is skipped for the rest of this tick, so it cannot starve the others.
      const skip: string[] = [];
      let processed = 0;
      while (processed + skip.length < batchSize) {
        let sagaId: string | undefined;
        try {
          const found = await inTransaction(db, async (trx) => {
            const state = await lockNextDue(tables(trx), now, names, skip);
            if (!state) return false;
            sagaId = state.id;
            const t = transition(trx, definition(state.name), now);
            await onDeadline(t, state);
            await save(t, state);
            return true;
          });
          if (!found) return { processed, failed: skip.length, more: false };
          processed++;
        } catch (error) {
          if (sagaId === undefined) throw error;
          skip.push(sagaId);
          logger.error({ err: error, sagaId }, 'saga deadline could not be handled; a later tick retries it');
        }
      }
      return { processed, failed: skip.length, more: true };
    },

    async inspect(sagaId) {
      const state = await readInstance(tables(db), sagaId);
      if (!state) return undefined;
      const steps = await listSteps(tables(db), sagaId);
      const saga = sagas.get(state.name);
      return { ...state, steps: saga ? inRunOrder(saga, steps) : steps };
    },
  };
}
