import { sql, type Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import { encodeTime } from 'ulid';
import { statement } from '../db/statement.ts';
import type { Logger } from '../telemetry/logger.ts';
import type { Backoff } from './backoff.ts';
import type { Broker, OutgoingMessage } from './broker.ts';
import type { Message } from './message.envelope.ts';
import type { OutboxHeaders } from './messaging.tables.ts';
import { registerOutboxMetrics, type OutboxMetrics } from './outbox.metrics.ts';

export interface OutboxRelayOptions<DB> {
  readonly db: Kysely<DB>;
  readonly broker: Broker;
  readonly logger: Logger;
  /** Where the outbox lag gauges and publish counters go. */
  readonly registry?: Registry | undefined;
  /** How often to look for messages when nobody woke the relay (default 250 ms). */
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  /** How long a claimed batch is reserved for this relay; a relay that dies releases it after this (default 15 s). */
  readonly leaseMs?: number;
  /** A publish not confirmed within this counts as failed (default 5 s; keep it well below the lease). */
  readonly publishTimeoutMs?: number;
  /** Delay before re-publishing a batch the broker did not confirm (default 500 ms doubling to 60 s). */
  readonly backoff?: Backoff;
  /** Published rows are deleted after this long (default 7 days). */
  readonly retentionMs?: number;
  /** How often to delete expired published rows (default every 10 minutes). */
  readonly pruneIntervalMs?: number;
  /**
   * Whether `wake()` may come before the writer's commit (default true: the relay then looks again a few times
   * shortly after). False when wakes come from PostgreSQL notifications, which arrive after the commit.
   */
  readonly wakesBeforeCommit?: boolean;
}

export interface OutboxRelay {
  start(): void;
  /** A message was written (or committed): look again now, and shortly after, instead of at the next poll. */
  wake(): void;
  /**
   * Whether this relay takes messages straight from their writer: true while it runs. The writer then inserts
   * them as claimed for `leaseMs` (no relay claims them meanwhile) and hands them to `publishCommitted` once
   * its transaction has committed. Should this process die first, any relay publishes them when the lease ends.
   */
  takesCommitted(): boolean;
  /** How long a claim (or a writer's hand-over) keeps a message from every other relay. */
  readonly leaseMs: number;
  /** Publishes messages whose insert (claimed, see `takesCommitted`) has committed; they are marked published by the next claim. */
  publishCommitted(messages: readonly Message[]): void;
  /** Finishes the batch in flight and the hand-overs being published, then stops. */
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  type: string;
  version: number;
  routing_key: string;
  payload: unknown;
  headers: OutboxHeaders;
  occurred_at: Date;
}

const markPublishedText = (ids: string) => `UPDATE outbox SET published_at = now(), last_error = NULL WHERE id = ANY(${ids}::text[])`;

/** The claim of a batch of due rows, and the marking of rows published (`$3`) that are kept out of it. */
const claimText = (marking: boolean) => `
  ${marking ? `WITH marked AS (${markPublishedText('$3')})` : ''}
  UPDATE outbox
  SET attempts = attempts + 1, next_attempt_at = now() + $1::double precision * interval '1 millisecond'
  WHERE id IN (
    SELECT id FROM outbox
    WHERE published_at IS NULL AND next_attempt_at <= now()${marking ? ' AND NOT (id = ANY($3::text[]))' : ''}
    ORDER BY id
    LIMIT $2
    FOR UPDATE SKIP LOCKED)
  RETURNING id, type, version, routing_key, payload, headers, occurred_at`;
const CLAIM = statement<OutboxRow, [leaseMs: number, batchSize: number]>(claimText(false));
const CLAIM_MARKING = statement<OutboxRow, [leaseMs: number, batchSize: number, published: readonly string[]]>(claimText(true));
const MARK_PUBLISHED = statement<never, [ids: readonly string[]]>(markPublishedText('$1'));

// A writer wakes the relay before its transaction commits; these short re-looks catch the row right after.
const CHASE_MS = [1, 5, 20, 50, 120];

/**
 * Publishes the outbox at least once. Messages written while the relay runs come straight from their writer
 * once their transaction commits (`publishCommitted`), inserted as claimed already. Any other due row is claimed
 * in batches (`FOR UPDATE SKIP LOCKED`, in id order, so replicas share the work) by pushing its next attempt past
 * a lease, and the claim commits before the publish. Either way the publish happens outside any transaction, and
 * rows are marked published only after the broker confirmed them, by the next claim. A failed publish records
 * the error and backs off with jitter; a relay that dies mid-publish leaves its rows to be claimed again when the
 * lease runs out.
 */
export function createOutboxRelay<DB>(options: OutboxRelayOptions<DB>): OutboxRelay {
  const db = options.db;
  const logger = options.logger.child({ component: 'outbox-relay' });
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 15_000;
  const publishTimeoutMs = options.publishTimeoutMs ?? 5_000;
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 60_000 };
  const retentionMs = options.retentionMs ?? 7 * 24 * 3600 * 1000;
  const pruneIntervalMs = options.pruneIntervalMs ?? 10 * 60_000;
  const metrics: OutboxMetrics | undefined = options.registry ? registerOutboxMetrics(options.registry, db, logger) : undefined;

  let running = false;
  let loop: Promise<void> | undefined;
  let interrupt: (() => void) | undefined;
  let chase = 0;
  // A wake that came while a batch was in flight: look again before idling, the rows may have missed that claim.
  let woken = false;
  let lastPrune = Date.now();
  // Published and confirmed, to be marked by the next claim.
  let unmarked: string[] = [];
  // Hand-overs from writers being published, and those waiting to go out with the next.
  const handedOver = new Set<Promise<void>>();
  let gathering: Message[] = [];
  // A full batch may have left more behind, and a wake during a batch may have come for rows it missed; a smaller
  // batch without a wake took everything due when it looked.
  const moreWaiting = (claimed: number) => claimed >= batchSize || woken;
  const wakesBeforeCommit = options.wakesBeforeCommit ?? true;

  /**
   * Claims a batch of due rows. `published` (the previous batch, confirmed by the broker) is marked in the same
   * statement, and kept out of this claim.
   */
  async function claim(published: readonly string[]): Promise<OutboxRow[]> {
    const { rows } = await (published.length > 0 ? CLAIM_MARKING.execute(db, [leaseMs, batchSize, published]) : CLAIM.execute(db, [leaseMs, batchSize]));
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async function markPublished(ids: readonly string[]): Promise<void> {
    await MARK_PUBLISHED.execute(db, [ids]);
  }

  async function markFailed(ids: readonly string[], error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
    await sql`
      UPDATE outbox
      SET last_error = ${message},
          next_attempt_at = now() + least(${backoff.maxMs}::double precision,
                                          ${backoff.baseMs}::double precision * power(2, least(attempts - 1, 30)))
                                    * (0.5 + random() * 0.5) * interval '1 millisecond'
      WHERE id = ANY(${ids}::text[])`.execute(db);
  }

  /**
   * Publishes one batch; returns how many rows it claimed. When more may be waiting (a full batch, or a wake
   * during this one), the batch is marked published by the next claim instead of a statement of its own.
   */
  async function relayBatch(): Promise<number> {
    const marking = unmarked;
    unmarked = [];
    let rows: OutboxRow[];
    try {
      rows = await claim(marking);
    } catch (error) {
      unmarked.push(...marking);
      throw error;
    }
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    try {
      await withTimeout(options.broker.publish(rows.map((row) => toOutgoing(messageOf(row), row.routing_key))), publishTimeoutMs);
    } catch (error) {
      metrics?.failures.inc();
      logger.warn({ err: error, count: rows.length, first: ids[0] }, 'publishing outbox messages failed; they will be retried');
      await markFailed(ids, error);
      return rows.length;
    }
    metrics?.published.inc(rows.length);
    if (running && moreWaiting(rows.length)) unmarked.push(...ids);
    else await markPublished(ids);
    return rows.length;
  }

  async function publishHandedOver(messages: readonly Message[]): Promise<void> {
    const ids = messages.map((message) => message.id);
    try {
      await withTimeout(options.broker.publish(messages.map((message) => toOutgoing(message, message.type))), publishTimeoutMs);
    } catch (error) {
      metrics?.failures.inc();
      logger.warn({ err: error, count: messages.length, first: ids[0] }, 'publishing outbox messages failed; they will be retried');
      // Left claimed should this fail too: published again when the lease runs out.
      await markFailed(ids, error).catch((markError: unknown) => logger.warn({ err: markError }, 'recording a failed publish failed'));
      return;
    }
    metrics?.published.inc(messages.length);
    unmarked.push(...ids);
  }

  async function markUnmarked(): Promise<void> {
    if (unmarked.length === 0) return;
    const ids = unmarked;
    unmarked = [];
    await markPublished(ids).catch((error: unknown) => logger.warn({ err: error, count: ids.length }, 'marking published outbox messages failed'));
  }

  async function prune(): Promise<void> {
    // Ids are time-ordered, so "published and older than the retention" is a range of the primary key.
    const cutoff = `msg_${encodeTime(Date.now() - retentionMs, 10).toLowerCase()}`;
    await sql`
      DELETE FROM outbox WHERE id IN (
        SELECT id FROM outbox WHERE id < ${cutoff} AND published_at IS NOT NULL ORDER BY id LIMIT 5000)`.execute(db);
  }

  function idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        interrupt = undefined;
        resolve();
      }
      interrupt = done;
    });
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (running) {
      let claimed: number;
      woken = false;
      try {
        claimed = await relayBatch();
        failures = 0;
        if (Date.now() - lastPrune >= pruneIntervalMs) {
          lastPrune = Date.now();
          await prune();
        }
      } catch (error) {
        failures += 1;
        logger.error({ err: error }, 'the outbox relay could not reach its database');
        await idle(Math.min(5_000, pollIntervalMs * 2 ** failures));
        continue;
      }
      if (!running || moreWaiting(claimed)) continue;
      const delay = chase > 0 ? CHASE_MS[CHASE_MS.length - chase--]! : pollIntervalMs;
      await idle(delay);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake() {
      woken = true;
      if (wakesBeforeCommit) chase = CHASE_MS.length;
      interrupt?.();
    },
    takesCommitted: () => running,
    leaseMs,
    publishCommitted(messages) {
      if (messages.length === 0) return;
      // What commits in one turn of the event loop goes out in one publish (one round of confirms).
      if (gathering.length === 0) {
        const publishing = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          const batch = gathering;
          gathering = [];
          return publishHandedOver(batch);
        });
        handedOver.add(publishing);
        void publishing.finally(() => handedOver.delete(publishing));
      }
      gathering.push(...messages);
    },
    async stop() {
      running = false;
      interrupt?.();
      await loop;
      loop = undefined;
      await Promise.all(handedOver);
      // What waited for a claim that will not come: marked now, or published again by another relay after its lease.
      await markUnmarked();
    },
  };
}

function messageOf(row: OutboxRow): Message {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    occurredAt: row.occurred_at.toISOString(),
    correlationId: row.headers.correlationId,
    ...(row.headers.causationId === undefined ? {} : { causationId: row.headers.causationId }),
    ...(row.headers.traceparent === undefined ? {} : { traceparent: row.headers.traceparent }),
    payload: row.payload,
  };
}

/** The message as published, its envelope's fields in one order whether it comes from a row or its writer. */
function toOutgoing(message: Message, routingKey: string): OutgoingMessage {
  const envelope: Message = {
    id: message.id,
    type: message.type,
    version: message.version,
    occurredAt: message.occurredAt,
    correlationId: message.correlationId,
    ...(message.causationId === undefined ? {} : { causationId: message.causationId }),
    ...(message.traceparent === undefined ? {} : { traceparent: message.traceparent }),
    payload: message.payload,
  };
  return { id: message.id, type: routingKey, body: JSON.stringify(envelope) };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the broker did not confirm within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
