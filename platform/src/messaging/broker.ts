/** A message handed to a broker: already serialized, routed by its type. */
export interface OutgoingMessage {
  /** The message id, also set as the broker's message id. */
  readonly id: string;
  /** The message type; topic routing matches bindings against it. */
  readonly type: string;
  /** The serialized envelope. */
  readonly body: string;
  /** Deliver to this consumer's queue only instead of routing by type (used to re-drive a dead letter). */
  readonly consumer?: string;
}

/** One delivery of a message to a consumer. */
export interface Delivery {
  /** The broker-level message id, when the publisher set one. */
  readonly id: string | undefined;
  /** The type the message was published with. */
  readonly type: string | undefined;
  /** The body as text, exactly as published; it may be anything, including not JSON. */
  readonly body: string;
  /** 1 on the first delivery; each retry the consumer asks for adds one. */
  readonly attempt: number;
}

/**
 * What the consumer decided. A delivery is never acknowledged as done unless the consumer says `ack`:
 * `retry` brings it back to the same consumer after the delay, `dead-letter` parks it in the consumer's
 * dead-letter queue.
 */
export type Disposition =
  | { readonly outcome: 'ack' }
  | { readonly outcome: 'retry'; readonly delayMs: number }
  | { readonly outcome: 'dead-letter'; readonly reason: string };

export type DeliveryHandler = (delivery: Delivery) => Promise<Disposition>;

export interface ConsumeOptions {
  /** The consuming service (or a named consumer within it): one durable queue per consumer. */
  readonly consumer: string;
  /** Message types to receive; `*` matches one dotted word and `#` any number, as in AMQP topics. */
  readonly bindings: readonly string[];
  /** How many deliveries may be in progress at once (default 32). */
  readonly prefetch?: number;
}

export interface Subscription {
  /** Stops taking new deliveries and waits for those in progress to settle. */
  close(): Promise<void>;
}

/** A message broker with at-least-once semantics; the in-process and RabbitMQ adapters behave alike. */
export interface Broker {
  readonly kind: 'in-process' | 'rabbitmq';
  /** Resolves once the broker has taken responsibility for every message (publisher confirms); rejects otherwise. */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  /** Declares the consumer's queue and bindings and starts delivering to `handler`. */
  consume(options: ConsumeOptions, handler: DeliveryHandler): Promise<Subscription>;
  /** Resolves when the broker is reachable; used by `/readyz`. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** What a handler that threw unexpectedly gets: the message comes back later, it is never dropped. */
export const RETRY_AFTER_CRASH_MS = 1_000;

export const DEFAULT_PREFETCH = 32;
