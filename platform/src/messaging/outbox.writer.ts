import type { Kysely, Transaction } from 'kysely';
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

/** An outbox writer; `onWrite` lets a relay in the same process publish promptly after the commit. */
export function createOutbox(options: { onWrite?: () => void } = {}): Outbox {
  return {
    async write(trx, ...messages) {
      if (messages.length === 0) return;
      await messagingDb(trx)
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
        )
        .execute();
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
