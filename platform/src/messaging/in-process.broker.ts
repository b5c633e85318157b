import type { Logger } from '../telemetry/logger.ts';
import {
  DEFAULT_PREFETCH,
  RETRY_AFTER_CRASH_MS,
  type Broker,
  type ConsumeOptions,
  type Delivery,
  type DeliveryHandler,
  type Disposition,
  type OutgoingMessage,
  type Subscription,
} from './broker.ts';
import { topicMatcher } from './topic-pattern.ts';

interface Queued {
  readonly message: OutgoingMessage;
  readonly attempt: number;
}

interface Consumer {
  readonly handler: DeliveryHandler;
  readonly prefetch: number;
  readonly inFlight: Set<Promise<void>>;
  closed: boolean;
}

interface Queue {
  readonly name: string;
  readonly bindings: Map<string, (type: string) => boolean>;
  readonly ready: Queued[];
  consumers: Consumer[];
  next: number;
  scheduled: boolean;
  /** The last dead-lettered messages, kept for inspection like a dead-letter queue. */
  readonly deadLettered: Queued[];
}

const DEAD_LETTER_CAPACITY = 1_000;

/**
 * The embedded placement's broker: queues live in this process, one per consuming service, and survive their
 * consumers (messages wait while a consumer is away or failing). Delivery is always asynchronous, never in the
 * publisher's call stack. It is as durable as the process: messages not yet handled are lost if it dies, which
 * the outbox bounds to what was already published.
 */
export class InProcessBus {
  private readonly queues = new Map<string, Queue>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly logger: Logger | undefined;
  private closed = false;

  constructor(logger?: Logger) {
    this.logger = logger;
  }

  publish(messages: readonly OutgoingMessage[]): void {
    if (this.closed) throw new Error('The in-process broker is closed');
    for (const message of messages) {
      if (message.consumer !== undefined) {
        const queue = this.queues.get(message.consumer);
        if (!queue) throw new Error(`No queue for consumer ${message.consumer}`);
        this.enqueue(queue, { message, attempt: 1 });
        continue;
      }
      for (const queue of this.queues.values()) {
        if ([...queue.bindings.values()].some((matches) => matches(message.type))) this.enqueue(queue, { message, attempt: 1 });
      }
    }
  }

  consume(options: ConsumeOptions, handler: DeliveryHandler): Subscription {
    if (this.closed) throw new Error('The in-process broker is closed');
    const queue = this.queueFor(options.consumer, options.bindings);
    const consumer: Consumer = { handler, prefetch: options.prefetch ?? DEFAULT_PREFETCH, inFlight: new Set(), closed: false };
    queue.consumers.push(consumer);
    this.schedule(queue);
    return {
      close: async () => {
        consumer.closed = true;
        queue.consumers = queue.consumers.filter((other) => other !== consumer);
        await Promise.allSettled([...consumer.inFlight]);
      },
    };
  }

  /** Messages a consumer dead-lettered, most recent last. */
  deadLettered(consumer: string): readonly Delivery[] {
    return (this.queues.get(consumer)?.deadLettered ?? []).map((item) => toDelivery(item));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queues.clear();
  }

  private queueFor(name: string, bindings: readonly string[]): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = { name, bindings: new Map(), ready: [], consumers: [], next: 0, scheduled: false, deadLettered: [] };
      this.queues.set(name, queue);
    }
    // Bindings accumulate, as they do on a durable RabbitMQ queue.
    for (const pattern of bindings) if (!queue.bindings.has(pattern)) queue.bindings.set(pattern, topicMatcher(pattern));
    return queue;
  }

  private enqueue(queue: Queue, item: Queued): void {
    queue.ready.push(item);
    this.schedule(queue);
  }

  private schedule(queue: Queue): void {
    if (queue.scheduled || this.closed) return;
    queue.scheduled = true;
    setImmediate(() => {
      queue.scheduled = false;
      this.drain(queue);
    });
  }

  private drain(queue: Queue): void {
    while (queue.ready.length > 0) {
      const consumer = this.pickConsumer(queue);
      if (!consumer) return;
      this.deliver(queue, consumer, queue.ready.shift()!);
    }
  }

  /** Round robin over the consumers that have room, so replicas share a queue's work. */
  private pickConsumer(queue: Queue): Consumer | undefined {
    for (let tried = 0; tried < queue.consumers.length; tried++) {
      const consumer = queue.consumers[(queue.next + tried) % queue.consumers.length]!;
      if (!consumer.closed && consumer.inFlight.size < consumer.prefetch) {
        queue.next = (queue.next + tried + 1) % queue.consumers.length;
        return consumer;
      }
    }
    return undefined;
  }

  private deliver(queue: Queue, consumer: Consumer, item: Queued): void {
    const work = this.decide(consumer, item)
      .then((disposition) => this.settle(queue, item, disposition))
      .finally(() => {
        consumer.inFlight.delete(work);
        this.schedule(queue);
      });
    consumer.inFlight.add(work);
  }

  private async decide(consumer: Consumer, item: Queued): Promise<Disposition> {
    try {
      return await consumer.handler(toDelivery(item));
    } catch (error) {
      this.logger?.error({ err: error, messageId: item.message.id }, 'message handler crashed; the message will be retried');
      return { outcome: 'retry', delayMs: RETRY_AFTER_CRASH_MS };
    }
  }

  private settle(queue: Queue, item: Queued, disposition: Disposition): void {
    if (disposition.outcome === 'ack' || this.closed) return;
    if (disposition.outcome === 'dead-letter') {
      queue.deadLettered.push(item);
      if (queue.deadLettered.length > DEAD_LETTER_CAPACITY) queue.deadLettered.shift();
      return;
    }
    // Unref'd: a pending retry must not keep a process alive that is shutting down; in-memory messages go
    // with the process anyway.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) this.enqueue(queue, { message: item.message, attempt: item.attempt + 1 });
    }, disposition.delayMs).unref();
    this.timers.add(timer);
  }
}

function toDelivery(item: Queued): Delivery {
  return { id: item.message.id, type: item.message.type, body: item.message.body, attempt: item.attempt };
}

let processBus: InProcessBus | undefined;

/** The bus every service of this process shares when no broker URL is configured (the embedded placement). */
export function processInProcessBus(logger?: Logger): InProcessBus {
  processBus ??= new InProcessBus(logger);
  return processBus;
}

/**
 * A Broker on an in-process bus. Given a `bus`, closing the broker only ends its own subscriptions (the bus
 * is shared); without one it gets a private bus and closing ends it.
 */
export function createInProcessBroker(options: { bus?: InProcessBus; logger?: Logger } = {}): Broker & { readonly bus: InProcessBus } {
  const bus = options.bus ?? new InProcessBus(options.logger);
  const owned = options.bus === undefined;
  const subscriptions = new Set<Subscription>();
  let closed = false;
  return {
    kind: 'in-process',
    bus,
    async publish(messages) {
      if (closed) throw new Error('The broker is closed');
      bus.publish(messages);
    },
    async consume(consumeOptions, handler) {
      if (closed) throw new Error('The broker is closed');
      const subscription = bus.consume(consumeOptions, handler);
      subscriptions.add(subscription);
      return {
        async close() {
          subscriptions.delete(subscription);
          await subscription.close();
        },
      };
    },
    async check() {
      if (closed) throw new Error('The broker is closed');
    },
    async close() {
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      subscriptions.clear();
      if (owned) bus.close();
    },
  };
}
