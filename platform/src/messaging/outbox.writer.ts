import type { Kysely, Transaction } from 'kysely';
import { statement } from '../db/statement.ts';
import { afterCommit } from '../db/transaction.ts';
import type { Message } from './message.envelope.ts';
import type { OutboxHeaders } from './messaging.tables.ts';
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

/** The messages of one write, a column each, in the order of the insert's `unnest`. */
type OutboxColumns = [ids: string[], types: string[], versions: number[], payloads: string[], headers: string[], occurredAt: string[]];

/**
 * The insert of one write's messages, one statement whatever their number; the routing key is the message's type.
 * A claimed insert claims them for the relay it hands them to, as that relay's own claim would.
 */
const insertText = (claimed: boolean) => `
  INSERT INTO outbox (id, type, version, routing_key, payload, headers, occurred_at${claimed ? ', attempts, next_attempt_at' : ''})
  SELECT id, type, version, type, payload, headers, occurred_at${claimed ? `, 1, now() + $7::double precision * interval '1 millisecond'` : ''}
  FROM unnest($1::text[], $2::text[], $3::int[], $4::jsonb[], $5::jsonb[], $6::timestamptz[])
    AS m (id, type, version, payload, headers, occurred_at)`;
const INSERT = statement<never, OutboxColumns>(insertText(false));
const INSERT_CLAIMED = statement<never, [...OutboxColumns, leaseMs: number]>(insertText(true));
const INSERT_NOTIFYING = statement<{ notified: string }, [...OutboxColumns, channel: string]>(`${insertText(false)} RETURNING pg_notify($7, '') AS notified`);

/** An outbox writer: each write goes to `relay` at its commit when it can, else waits for a relay's claim. */
export function createOutbox(options: OutboxWriterOptions = {}): Outbox {
  const relay = options.relay;
  return {
    async write(trx, ...messages) {
      if (messages.length === 0) return;
      const inTransaction = trx.isTransaction;
      const handedOver = relay?.takesCommitted() === true && (!inTransaction || afterCommit(trx, () => relay.publishCommitted(messages)));
      const rows = columnsOf(messages);
      if (handedOver) {
        // Nobody reads the insert's answer, and a failure fails the commit: it travels with the next statement.
        await INSERT_CLAIMED.defer(trx, [...rows, relay!.leaseMs]);
        if (!inTransaction) relay!.publishCommitted(messages);
        return;
      }
      // The notification rides on the insert (one round trip, not two); PostgreSQL folds the identical
      // notifications of one transaction into one.
      if (options.notify) await INSERT_NOTIFYING.execute(trx, [...rows, OUTBOX_CHANNEL]);
      else await INSERT.execute(trx, rows);
      options.onWrite?.();
    },
  };
}

function columnsOf(messages: readonly Message[]): OutboxColumns {
  return [
    messages.map((message) => message.id),
    messages.map((message) => message.type),
    messages.map((message) => message.version),
    messages.map((message) => JSON.stringify(message.payload)),
    messages.map((message) => JSON.stringify(headersOf(message))),
    messages.map((message) => message.occurredAt),
  ];
}

function headersOf(message: Message): OutboxHeaders {
  return {
    correlationId: message.correlationId,
    ...(message.causationId === undefined ? {} : { causationId: message.causationId }),
    ...(message.traceparent === undefined ? {} : { traceparent: message.traceparent }),
  };
}
