import { sql, type Kysely, type Transaction } from 'kysely';
import type { Message } from './message.envelope.ts';
import { messagingDb, type OutboxHeaders } from './messaging.tables.ts';

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

/**
 * An outbox writer. With `notify`, the writing transaction also notifies `OUTBOX_CHANNEL`, which PostgreSQL
 * delivers at its commit to every relay listening on the database (any replica); `onWrite` tells a relay in
 * the same process at once, before the commit.
 */
export function createOutbox(options: { onWrite?: () => void; notify?: boolean } = {}): Outbox {
  return {
    async write(trx, ...messages) {
      if (messages.length === 0) return;
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
          })),
        );
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
