import { sql, type Kysely } from 'kysely';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../telemetry/logger.ts';
import { metricIn } from './messaging.metrics.ts';

/** How far the relay is behind: unpublished messages and the age of the oldest. */
export interface OutboxLag {
  readonly pending: number;
  readonly oldestAgeSeconds: number;
}

/** The outbox lag of a service's database, for metrics and the admin system view. */
export async function outboxLag<DB>(db: Kysely<DB>): Promise<OutboxLag> {
  const { rows } = await sql<{ pending: number; age: number }>`
    SELECT count(*)::int AS pending,
           coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::float8 AS age
    FROM outbox WHERE published_at IS NULL`.execute(db);
  const row = rows[0]!;
  return { pending: row.pending, oldestAgeSeconds: Math.max(0, row.age) };
}

export interface OutboxMetrics {
  readonly published: Counter;
  readonly failures: Counter;
}

/** Outbox lag gauges (read from the database at scrape time) and publish counters. */
export function registerOutboxMetrics<DB>(registry: Registry, db: Kysely<DB>, logger: Logger): OutboxMetrics {
  // One query per scrape feeds both gauges.
  let reading: Promise<OutboxLag | undefined> | undefined;
  const read = () => {
    reading ??= outboxLag(db)
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'could not read the outbox lag');
        return undefined;
      })
      .finally(() => setImmediate(() => (reading = undefined)));
    return reading;
  };
  metricIn(registry, 'outbox_lag_seconds', () => new Gauge({
    name: 'outbox_lag_seconds',
    help: 'Age of the oldest outbox message not yet published',
    registers: [registry],
    async collect() {
      const lag = await read();
      if (lag) this.set(lag.oldestAgeSeconds);
    },
  }));
  metricIn(registry, 'outbox_pending_messages', () => new Gauge({
    name: 'outbox_pending_messages',
    help: 'Outbox messages not yet published',
    registers: [registry],
    async collect() {
      const lag = await read();
      if (lag) this.set(lag.pending);
    },
  }));
  return {
    published: metricIn(registry, 'outbox_published_total', () => new Counter({
      name: 'outbox_published_total',
      help: 'Outbox messages published and confirmed by the broker',
      registers: [registry],
    })),
    failures: metricIn(registry, 'outbox_publish_failures_total', () => new Counter({
      name: 'outbox_publish_failures_total',
      help: 'Outbox publish batches the broker did not confirm (they are retried)',
      registers: [registry],
    })),
  };
}
