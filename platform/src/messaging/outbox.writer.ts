import { sql, type Kysely, type Transaction } from 'kysely';
import { afterCommit, executeDeferred } from '../db/transaction.ts';
import type { Message } from './message.envelope.ts';
import { messagingDb, type OutboxHeaders } from './messaging.tables.ts';
import type { OutboxRelay } from './outbox.relay.ts';

/** Writes messages into the outbox of the caller's transaction. */
export interface Outbox {
  /**
   * Inserts the messages in `trx`, so they leave if and only if the caller's state change commits. Makes no
   * network call; the relay publishes after the commit. Messages come from a definition's `create`, which has
   * validated them against the producer's schema.
   */
  write<DB>(trx: Transaction<DB> | Kysely<DB>, ...messages: readonly Message[]): Promise<void>;
}

/** The PostgreSQL channel the outbox notifies on when a transaction that wrote to it commits. */
export const OUTBOX_CHANNEL = 'bazaar_outbox';

/** The part of a relay a writer hands committed messages to (see `OutboxRelay.takesCommitted`). */
export type CommittedRelay = Pick<OutboxRelay, 'takesCommitted' | 'leaseMs' | 'publishCommitted'>;

/** Whom an outbox writer tells of what it wrote. */
export interface OutboxWriterOptions {
  /**
   * The relay of this process. While it runs, a write in a transaction opened by the platform's `inTransaction()`
   * (whose commit the writer sees) or outside any transaction goes to it once committed, with no claim.
   */
  readonly relay?: CommittedRelay;
  /** With it, any other write also notifies `OUTBOX_CHANNEL`, which PostgreSQL delivers at its commit to every relay listening on the database (any replica). */
  readonly notify?: boolean;
  /** Tells a relay in the same process of any other write at once, before the commit. */
  readonly onWrite?: () => void;
}

/** An outbox writer: each write goes to `relay` at its commit when it can, else waits for a relay's claim. */
export function createOutbox(options: OutboxWriterOptions = {}): Outbox {
  const relay = options.relay;
  return {
    async write(trx, ...messages) {
      if (messages.length === 0) return;
      const inTransaction = trx.isTransaction;
      const handedOver = relay?.takesCommitted() === true && (!inTransaction || afterCommit(trx, () => relay.publishCommitted(messages)));
      const insert = messagingDb(trx)
        .insertInto('outbox')
        .values(
          messages.map((message) => ({
            id: message.id,
            type: message.type,
            version: message.version,
            routing_key: message.type,
            payload: JSON.stringify(message.payload),
            headers: JSON.stringify(headersOf(message)),
            occurred_at: message.occurredAt,
            // Claimed for the relay it is handed to, as its own claim would.
            ...(handedOver && { attempts: 1, next_attempt_at: sql<Date>`now() + ${relay!.leaseMs}::double precision * interval '1 millisecond'` }),
          })),
        );
      if (handedOver) {
        // Nobody reads the insert's answer, and a failure fails the commit: it travels with the next statement.
        await executeDeferred(trx, insert);
        if (!inTransaction) relay!.publishCommitted(messages);
        return;
      }
      // The notification rides on the insert (one round trip, not two); PostgreSQL folds the identical
      // notifications of one transaction into one.
      if (options.notify) await insert.returning(sql<string>`pg_notify(${OUTBOX_CHANNEL}, '')`.as('notified')).execute();
      else await insert.execute();
      options.onWrite?.();
    },
  };
}

function headersOf(message: Message): OutboxHeaders {
  return {
    correlationId: message.correlationId,
    ...(message.causationId === undefined ? {} : { causationId: message.causationId }),
    ...(message.traceparent === undefined ? {} : { traceparent: message.traceparent }),
  };
}
