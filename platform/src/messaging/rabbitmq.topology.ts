/**
 * Delay tiers of the retry queues. A retried message waits in the first tier at least as long as its delay,
 * with its own per-message TTL; RabbitMQ expires messages only at a queue's head, so keeping similar delays
 * together bounds how long a short delay can wait behind a longer one (at most the tier's length).
 */
export const RETRY_TIERS_MS = [250, 1_000, 4_000, 16_000, 64_000, 256_000] as const;

const DEAD_LETTER_RETENTION_MS = 14 * 24 * 3600 * 1000;

/** The RabbitMQ names and arguments of one consumer's queues on one exchange. */
export interface ConsumerTopology {
  readonly exchange: string;
  readonly deadLetterExchange: string;
  /** The consumer's durable queue, bound to the exchange by message types. */
  readonly queue: string;
  readonly queueArguments: Record<string, string>;
  /** Where messages that exhausted their attempts (or could not be read) end up. */
  readonly deadLetterQueue: string;
  readonly deadLetterQueueArguments: Record<string, number>;
  /** Retry queues, one per delay tier; an expired message goes back to `queue` only. */
  readonly retryQueues: readonly { readonly name: string; readonly tierMs: number }[];
  readonly retryQueueArguments: Record<string, string>;
}

export function consumerTopology(exchange: string, consumer: string): ConsumerTopology {
  const queue = `${exchange}.${consumer}`;
  const deadLetterExchange = `${exchange}.dead-letter`;
  return {
    exchange,
    deadLetterExchange,
    queue,
    queueArguments: { 'x-dead-letter-exchange': deadLetterExchange, 'x-dead-letter-routing-key': queue },
    deadLetterQueue: `${queue}.dead-letter`,
    // The database's dead_letters table is the record to re-drive from; this queue is the broker-side copy,
    // bounded so that nobody has to drain it.
    deadLetterQueueArguments: { 'x-message-ttl': DEAD_LETTER_RETENTION_MS, 'x-max-length': 100_000 },
    retryQueues: RETRY_TIERS_MS.map((tierMs) => ({ name: `${queue}.retry.${tierMs}`, tierMs })),
    retryQueueArguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queue },
  };
}

/** The retry queue for a delay: the first tier that is at least as long (the last one for longer delays). */
export function retryQueueFor(topology: ConsumerTopology, delayMs: number): string {
  const tier = topology.retryQueues.find((candidate) => candidate.tierMs >= delayMs) ?? topology.retryQueues.at(-1)!;
  return tier.name;
}
