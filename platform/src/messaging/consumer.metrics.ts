import { sql, type Kysely } from 'kysely';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Logger } from '../telemetry/logger.ts';
import { metricIn } from './messaging.metrics.ts';

/** What became of one delivery. */
export type ConsumeOutcome = 'processed' | 'duplicate' | 'retried' | 'dead_lettered';

export interface ConsumerMetrics {
  readonly consumed: Counter<'consumer' | 'type' | 'outcome'>;
  readonly duration: Histogram<'consumer' | 'type'>;
}

export function registerConsumerMetrics<DB>(registry: Registry, db: Kysely<DB>, logger: Logger): ConsumerMetrics {
  metricIn(registry, 'dead_letters_pending', () => new Gauge({
    name: 'dead_letters_pending',
    help: 'Dead letters not yet re-driven, by consumer',
    labelNames: ['consumer'] as const,
    registers: [registry],
    async collect() {
      try {
        const { rows } = await sql<{ consumer: string; count: number }>`
          SELECT consumer, count(*)::int AS count FROM dead_letters WHERE redriven_at IS NULL GROUP BY consumer`.execute(db);
        this.reset();
        for (const row of rows) this.set({ consumer: row.consumer }, row.count);
      } catch (error) {
        logger.warn({ err: error }, 'could not count dead letters');
      }
    },
  }));
  return {
    consumed: metricIn(registry, 'messages_consumed_total', () => new Counter({
      name: 'messages_consumed_total',
      help: 'Deliveries handled, by consumer, message type and outcome',
      labelNames: ['consumer', 'type', 'outcome'] as const,
      registers: [registry],
    })),
    duration: metricIn(registry, 'message_handler_duration_seconds', () => new Histogram({
      name: 'message_handler_duration_seconds',
      help: 'Time to handle one message, transaction included',
      labelNames: ['consumer', 'type'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    })),
  };
}
