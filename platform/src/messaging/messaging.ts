import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import type { Logger } from '../telemetry/logger.ts';
import type { Broker } from './broker.ts';
import { createConsumerRunner, type ConsumerRunner, type ConsumerRunnerOptions } from './consumer.runner.ts';
import { createDeadLetters, type DeadLetters } from './dead-letters.store.ts';
import { outboxLag, type OutboxLag } from './outbox.metrics.ts';
import { createOutboxRelay, type OutboxRelayOptions } from './outbox.relay.ts';
import { createOutbox, OUTBOX_CHANNEL, type Outbox } from './outbox.writer.ts';

type Tuning<T> = Omit<T, 'db' | 'broker' | 'logger' | 'registry'>;

export interface MessagingOptions<DB> {
  /** The service's database, whose migrations created the messaging tables. */
  readonly db: Kysely<DB>;
  readonly broker: Broker;
  readonly logger: Logger;
  /** The service's metrics registry: outbox lag, publish and consume counters, pending dead letters. */
  readonly registry?: Registry | undefined;
  readonly relay?: Tuning<OutboxRelayOptions<DB>>;
  /**
   * Listens for PostgreSQL notifications on the service's database (`Database.listen`). With it, every outbox
   * write notifies at its commit and the relay publishes right then, from whichever replica; without it, the
   * relay is woken by writes in its own process and otherwise polls.
   */
  readonly listen?: ((channel: string, onNotify: () => void) => { close(): Promise<void> }) | undefined;
  readonly consumers?: Tuning<ConsumerRunnerOptions<DB>>;
}

/** A service's messaging: outbox, relay, idempotent consumers and dead letters over one database and broker. */
export interface Messaging<DB> {
  /** Write messages in the caller's transaction (`messaging.outbox.write(trx, OrderPlaced.create(...))`). */
  readonly outbox: Outbox;
  readonly subscribe: ConsumerRunner<DB>['subscribe'];
  readonly deadLetters: DeadLetters;
  /** Unpublished outbox messages and the age of the oldest. */
  lag(): Promise<OutboxLag>;
  /** Starts the relay and the consumers (subscribe first). */
  start(): Promise<void>;
  /** Stops consuming, then publishing; the broker and database stay open for their owner to close. */
  stop(): Promise<void>;
}

export function createMessaging<DB>(options: MessagingOptions<DB>): Messaging<DB> {
  const shared = { db: options.db, broker: options.broker, logger: options.logger, registry: options.registry };
  const listening = options.listen !== undefined;
  const relay = createOutboxRelay({ ...options.relay, ...shared, wakesBeforeCommit: !listening });
  const consumers = createConsumerRunner({ ...options.consumers, ...shared });
  let listener: { close(): Promise<void> } | undefined;
  return {
    outbox: createOutbox(listening ? { relay, notify: true } : { relay, onWrite: () => relay.wake() }),
    subscribe: (consumer, definitions, handler) => consumers.subscribe(consumer, definitions, handler),
    deadLetters: createDeadLetters(shared),
    lag: () => outboxLag(options.db),
    async start() {
      listener = options.listen?.(OUTBOX_CHANNEL, () => relay.wake());
      relay.start();
      await consumers.start();
    },
    async stop() {
      await consumers.stop();
      await listener?.close();
      await relay.stop();
    },
  };
}
