import type { Kysely, Transaction } from 'kysely';
import type { Registry } from 'prom-client';
import { inTransaction } from '../db/transaction.ts';
import type { Logger } from '../telemetry/logger.ts';
import { backoffDelay, type Backoff } from './backoff.ts';
import type { Broker, Delivery, Disposition, Subscription } from './broker.ts';
import { decodeDelivery, type Routes } from './consumer.decode.ts';
import { registerConsumerMetrics, type ConsumeOutcome, type ConsumerMetrics } from './consumer.metrics.ts';
import { inConsumerSpan } from './consumer.tracing.ts';
import { recordDeadLetter } from './dead-letters.store.ts';
import { handledAlready, isInboxDuplicate, pruneInbox, recordInbox } from './inbox.store.ts';
import type { MessageDefinition, MessageOf } from './message.definition.ts';
import type { Message } from './message.envelope.ts';

/** What a handler gets besides the message. */
export interface HandlerContext<DB> {
  /** The consumer's transaction: the inbox row commits together with whatever the handler writes. */
  readonly trx: Transaction<DB>;
  readonly consumer: string;
  /** 1 on the first delivery. */
  readonly attempt: number;
}

/**
 * Handles one message inside the consumer's transaction; throwing means "not done", and the message comes back
 * later. Like any code holding a transaction, it makes no remote call: follow-up work goes out through the outbox.
 * Its effects are the transaction's writes alone: a duplicate delivery may run it again, and the inbox then
 * refuses that transaction's commit.
 */
export type MessageHandler<M, DB> = (message: M, context: HandlerContext<DB>) => Promise<void>;

/**
 * A handler whose work cannot happen inside a transaction: `prepare` runs first, outside any transaction (remote
 * calls, use cases that commit on their own), then `handle` records its result in the consumer's transaction
 * with the inbox row. `prepare` must be idempotent: it runs again on a redelivery, and may run for a duplicate.
 * Either throwing means "not done".
 */
export interface PreparedHandler<M, DB, P> {
  prepare(message: M, context: { readonly consumer: string; readonly attempt: number }): Promise<P>;
  handle(message: M, prepared: P, context: HandlerContext<DB>): Promise<void>;
}

export interface ConsumerRunnerOptions<DB> {
  readonly db: Kysely<DB>;
  readonly broker: Broker;
  readonly logger: Logger;
  readonly registry?: Registry | undefined;
  /** Deliveries before a failing message is dead-lettered (default 5). */
  readonly maxAttempts?: number;
  /** Delay between attempts (default 250 ms doubling, capped at 30 s, with jitter). */
  readonly backoff?: Backoff;
  /** Deliveries in progress per consumer (default: the broker's, 32). */
  readonly prefetch?: number;
  /** How long handled message ids are remembered for deduplication (default 7 days). */
  readonly inboxRetentionMs?: number;
}

export interface ConsumerRunner<DB> {
  /**
   * Registers `handler` for the given message definitions under `consumer` (usually the service name: one
   * queue per consumer). Call before `start`; one handler per message type and version per consumer.
   */
  subscribe<D extends MessageDefinition, P = never>(
    consumer: string,
    definitions: D | readonly D[],
    handler: MessageHandler<MessageOf<D>, DB> | PreparedHandler<MessageOf<D>, DB, P>,
  ): void;
  /** Declares every consumer's queue and starts consuming. */
  start(): Promise<void>;
  /** Stops consuming and waits for the handlers in progress. */
  stop(): Promise<void>;
}

interface Route<DB> {
  readonly definition: MessageDefinition;
  readonly handler: PreparedHandler<Message, DB, unknown>;
}

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Runs idempotent consumers: each delivery is checked against the producer's schema, then handled in one
 * transaction with its inbox row, which the COMMIT carries (a duplicate's COMMIT is refused by the inbox's key:
 * it commits nothing and is acknowledged). A failing handler is retried with backoff and dead-lettered after
 * `maxAttempts`; a message that cannot be read is dead-lettered at once. Nothing is acknowledged as processed
 * unless its transaction committed.
 */
export function createConsumerRunner<DB>(options: ConsumerRunnerOptions<DB>): ConsumerRunner<DB> {
  const { db, broker } = options;
  const logger = options.logger.child({ component: 'consumer' });
  const maxAttempts = options.maxAttempts ?? 5;
  const backoff = options.backoff ?? { baseMs: 250, maxMs: 30_000 };
  const inboxRetentionMs = options.inboxRetentionMs ?? 7 * 24 * 3600 * 1000;
  const metrics: ConsumerMetrics | undefined = options.registry ? registerConsumerMetrics(options.registry, db, logger) : undefined;
  const consumers = new Map<string, Map<string, Map<number, Route<DB>>>>();
  const subscriptions: Subscription[] = [];
  let pruneTimer: NodeJS.Timeout | undefined;
  let started = false;

  const count = (consumer: string, type: string | undefined, outcome: ConsumeOutcome) =>
    metrics?.consumed.inc({ consumer, type: type ?? 'unknown', outcome });

  async function deadLetter(consumer: string, delivery: Delivery, error: string, json: unknown): Promise<Disposition> {
    try {
      await recordDeadLetter(db, { consumer, delivery, error, json });
    } catch (recordError) {
      // Not recorded, so not dropped: the message stays with the broker until the database is back.
      logger.error({ err: recordError, consumer, messageId: delivery.id }, 'could not record a dead letter; retrying later');
      return { outcome: 'retry', delayMs: backoff.maxMs };
    }
    count(consumer, delivery.type, 'dead_lettered');
    return { outcome: 'dead-letter', reason: error };
  }

  async function handle(consumer: string, routes: Routes<Route<DB>>, delivery: Delivery): Promise<Disposition> {
    const decoded = decodeDelivery(delivery, routes);
    if (!decoded.ok) {
      logger.warn({ consumer, messageId: delivery.id, type: delivery.type, error: decoded.error }, 'unreadable message dead-lettered');
      return deadLetter(consumer, delivery, decoded.error, decoded.json);
    }
    const { message, route } = decoded;
    const log = logger.child({ consumer, messageId: message.id, type: message.type, correlationId: message.correlationId });
    const stopTimer = metrics?.duration.startTimer({ consumer, type: message.type });
    try {
      const processed = await inConsumerSpan(consumer, message, delivery.attempt, async () => {
        // Outside the transaction, so a handler that calls out (or commits on its own) holds no connection meanwhile.
        const prepared = route.handler.prepare === NOTHING_TO_PREPARE ? undefined : await route.handler.prepare(message, { consumer, attempt: delivery.attempt });
        try {
          return await inTransaction(db, async (trx) => {
            await route.handler.handle(message, prepared, { trx, consumer, attempt: delivery.attempt });
            await recordInbox(trx, consumer, message.id);
            return true;
          });
        } catch (error) {
          // A duplicate is found at the commit; its handler ran against state the first delivery had moved on
          // and may have failed where the first succeeded. Either way nothing of it committed.
          if (isInboxDuplicate(error) || (await handledAlready(db, consumer, message.id).catch(() => false))) return false;
          throw error;
        }
      });
      count(consumer, message.type, processed ? 'processed' : 'duplicate');
      if (!processed) log.debug('duplicate delivery acknowledged; nothing of it committed');
      return { outcome: 'ack' };
    } catch (error) {
      const reason = describe(error);
      if (delivery.attempt >= maxAttempts) {
        log.error({ err: error, attempt: delivery.attempt }, 'message failed every attempt; dead-lettered');
        return deadLetter(consumer, delivery, reason, message);
      }
      const delayMs = backoffDelay(delivery.attempt, backoff);
      log.warn({ err: error, attempt: delivery.attempt, delayMs }, 'message handler failed; retrying');
      count(consumer, message.type, 'retried');
      return { outcome: 'retry', delayMs };
    } finally {
      stopTimer?.();
    }
  }

  return {
    subscribe(consumer, definitions, handler) {
      if (started) throw new Error(`Subscribe ${consumer} before the consumer runner starts`);
      const byType = consumers.get(consumer) ?? new Map<string, Map<number, Route<DB>>>();
      consumers.set(consumer, byType);
      for (const definition of Array.isArray(definitions) ? definitions : [definitions as MessageDefinition]) {
        const byVersion = byType.get(definition.type) ?? new Map<number, Route<DB>>();
        byType.set(definition.type, byVersion);
        if (byVersion.has(definition.version)) {
          throw new Error(`${consumer} already handles ${definition.type} v${definition.version}`);
        }
        byVersion.set(definition.version, { definition, handler: asPrepared(handler as MessageHandler<Message, DB> | PreparedHandler<Message, DB, unknown>) });
      }
    },
    async start() {
      if (started) return;
      started = true;
      for (const [consumer, routes] of consumers) {
        const subscription = await broker.consume(
          { consumer, bindings: [...routes.keys()], ...(options.prefetch === undefined ? {} : { prefetch: options.prefetch }) },
          (delivery) => handle(consumer, routes, delivery),
        );
        subscriptions.push(subscription);
      }
      const names = [...consumers.keys()];
      if (names.length === 0) return;
      pruneTimer = setInterval(() => {
        pruneInbox(db, names, inboxRetentionMs).catch((error: unknown) => logger.warn({ err: error }, 'pruning the inbox failed'));
      }, PRUNE_EVERY_MS).unref();
    },
    async stop() {
      clearInterval(pruneTimer);
      await Promise.all(subscriptions.splice(0).map((subscription) => subscription.close()));
      started = false;
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

const NOTHING_TO_PREPARE = async () => undefined;

function asPrepared<DB>(handler: MessageHandler<Message, DB> | PreparedHandler<Message, DB, unknown>): PreparedHandler<Message, DB, unknown> {
  if (typeof handler !== 'function') return handler;
  return { prepare: NOTHING_TO_PREPARE, handle: (message, _prepared, context) => handler(message, context) };
}
