import { setTimeout as sleep } from 'node:timers/promises';
import { Connection, ConsumerStatus, type AsyncMessage, type Consumer } from 'rabbitmq-client';
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
import { consumerTopology, retryQueueFor, type ConsumerTopology } from './rabbitmq.topology.ts';

export interface RabbitBrokerOptions {
  /** `amqp://user:password@host:5672/vhost` */
  readonly url: string;
  /** The durable topic exchange events are published to (default `bazaar.events`). */
  readonly exchange?: string;
  /** Unacknowledged deliveries per consumer (default 32). */
  readonly prefetch?: number;
  readonly logger: Logger;
  /** Shown in the RabbitMQ management UI. */
  readonly connectionName?: string;
}

const ATTEMPT_HEADER = 'x-bazaar-attempt';
// With a charset parameter rabbitmq-client hands the body over as bytes instead of parsing it, so consumers see
// exactly what was published (and decide themselves what to do with a body that is not JSON).
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * The cluster placement's broker: a durable topic exchange, one durable queue per consumer bound by message
 * types, publisher confirms, prefetch, and automatic reconnection (rabbitmq-client re-declares the topology and
 * resumes consuming). A failed delivery is never acknowledged until a copy waits in a retry queue (published
 * with a confirm) or it has been dead-lettered into the consumer's dead-letter queue.
 */
export function createRabbitBroker(options: RabbitBrokerOptions): Broker {
  const exchange = options.exchange ?? 'bazaar.events';
  const prefetch = options.prefetch ?? DEFAULT_PREFETCH;
  const logger = options.logger.child({ component: 'rabbitmq' });
  const rabbit = new Connection({
    url: options.url,
    connectionName: options.connectionName,
    connectionTimeout: 5_000,
    acquireTimeout: 10_000,
    retryLow: 200,
    retryHigh: 5_000,
    heartbeat: 30,
    // Frames are small and each hop of a saga waits on one: with Nagle's algorithm on, a frame written while the
    // previous one is unacknowledged waits for the peer's delayed ACK (up to 40 ms on Linux) before it is sent.
    noDelay: true,
  });
  rabbit.on('error', (error) => logger.warn({ err: error }, 'RabbitMQ connection error; reconnecting'));
  rabbit.on('connection', () => logger.info('RabbitMQ connected'));
  // No retries here: the relay retries with backoff, and a send left waiting for a reconnect would go out
  // later as one more copy of a message the relay publishes again anyway.
  const publisher = rabbit.createPublisher({ confirm: true, exchanges: [{ exchange, type: 'topic', durable: true }] });
  const consumers = new Set<Consumer>();
  const onClose = new Set<() => void>();
  let closed = false;

  async function sendToConsumer(message: OutgoingMessage, consumer: string): Promise<void> {
    const { queue } = consumerTopology(exchange, consumer);
    // The default exchange drops a message for a missing queue without a word; a re-drive must not vanish.
    await rabbit.queueDeclare({ queue, passive: true });
    await publisher.send(
      { exchange: '', routingKey: queue, durable: true, messageId: message.id, type: message.type, contentType: JSON_CONTENT_TYPE },
      Buffer.from(message.body),
    );
  }

  async function publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (closed) throw new Error('The broker is closed');
    if (!rabbit.ready) throw new Error('RabbitMQ is not connected (or is blocking publishers)');
    await Promise.all(
      messages.map((message) =>
        message.consumer !== undefined
          ? sendToConsumer(message, message.consumer)
          : publisher.send(
              { exchange, routingKey: message.type, durable: true, messageId: message.id, type: message.type, contentType: JSON_CONTENT_TYPE },
              Buffer.from(message.body),
            ),
      ),
    );
  }

  async function declareTopology(topology: ConsumerTopology, bindings: readonly string[]): Promise<void> {
    const channel = await rabbit.acquire();
    try {
      await channel.exchangeDeclare({ exchange, type: 'topic', durable: true });
      await channel.exchangeDeclare({ exchange: topology.deadLetterExchange, type: 'direct', durable: true });
      await channel.queueDeclare({ queue: topology.deadLetterQueue, durable: true, arguments: topology.deadLetterQueueArguments });
      await channel.queueBind({ exchange: topology.deadLetterExchange, queue: topology.deadLetterQueue, routingKey: topology.queue });
      for (const retry of topology.retryQueues) {
        await channel.queueDeclare({ queue: retry.name, durable: true, arguments: topology.retryQueueArguments });
      }
      await channel.queueDeclare({ queue: topology.queue, durable: true, arguments: topology.queueArguments });
      for (const routingKey of bindings) await channel.queueBind({ exchange, queue: topology.queue, routingKey });
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  /** Declares until it works: a consumer that starts while RabbitMQ is down waits for it rather than failing. */
  async function declareUntilDone(topology: ConsumerTopology, bindings: readonly string[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (closed) throw new Error('The broker is closed');
      try {
        return await declareTopology(topology, bindings);
      } catch (error) {
        logger.warn({ err: error, queue: topology.queue, attempt }, 'declaring the consumer queues failed; retrying');
        await sleep(Math.min(5_000, 200 * 2 ** attempt));
      }
    }
  }

  async function retryLater(topology: ConsumerTopology, message: AsyncMessage, delivery: Delivery, delayMs: number): Promise<void> {
    await publisher.send(
      {
        exchange: '',
        routingKey: retryQueueFor(topology, delayMs),
        durable: true,
        expiration: String(Math.max(1, Math.round(delayMs))),
        messageId: message.messageId,
        type: delivery.type,
        contentType: JSON_CONTENT_TYPE,
        headers: { [ATTEMPT_HEADER]: delivery.attempt + 1 },
      },
      Buffer.from(delivery.body),
    );
  }

  async function settle(topology: ConsumerTopology, message: AsyncMessage, delivery: Delivery, disposition: Disposition) {
    if (disposition.outcome === 'ack') return ConsumerStatus.ACK;
    if (disposition.outcome === 'dead-letter') return ConsumerStatus.DROP;
    try {
      await retryLater(topology, message, delivery, disposition.delayMs);
      return ConsumerStatus.ACK;
    } catch (error) {
      // The copy did not make it into the retry queue, so the original stays: back to the queue, after a pause
      // so a broker in trouble is not hammered.
      logger.warn({ err: error, messageId: delivery.id }, 'could not schedule a retry; requeueing the message');
      await sleep(RETRY_AFTER_CRASH_MS);
      return ConsumerStatus.REQUEUE;
    }
  }

  async function consume(consumeOptions: ConsumeOptions, handler: DeliveryHandler): Promise<Subscription> {
    if (closed) throw new Error('The broker is closed');
    const topology = consumerTopology(exchange, consumeOptions.consumer);
    await declareUntilDone(topology, consumeOptions.bindings);
    const limit = consumeOptions.prefetch ?? prefetch;
    const consumer = rabbit.createConsumer(
      {
        queue: topology.queue,
        queueOptions: { durable: true, arguments: topology.queueArguments },
        exchanges: [{ exchange, type: 'topic', durable: true }],
        queueBindings: consumeOptions.bindings.map((routingKey) => ({ exchange, queue: topology.queue, routingKey })),
        qos: { prefetchCount: limit },
        concurrency: limit,
        requeue: true,
      },
      async (message) => {
        const delivery = toDelivery(message);
        let disposition: Disposition;
        try {
          disposition = await handler(delivery);
        } catch (error) {
          logger.error({ err: error, messageId: delivery.id }, 'message handler crashed; the message will be retried');
          disposition = { outcome: 'retry', delayMs: RETRY_AFTER_CRASH_MS };
        }
        return settle(topology, message, delivery, disposition);
      },
    );
    consumer.on('error', (error) => logger.warn({ err: error, queue: topology.queue }, 'consumer error'));
    consumers.add(consumer);
    await new Promise<void>((resolve, reject) => {
      const abort = () => reject(new Error('The broker closed before the consumer was ready'));
      onClose.add(abort);
      consumer.once('ready', () => {
        onClose.delete(abort);
        resolve();
      });
    });
    return {
      async close() {
        consumers.delete(consumer);
        await consumer.close();
      },
    };
  }

  return {
    kind: 'rabbitmq',
    publish,
    consume,
    async check() {
      await rabbit.onConnect(2_000, true);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const abort of onClose) abort();
      await Promise.all([...consumers].map((consumer) => consumer.close()));
      consumers.clear();
      await publisher.close();
      await rabbit.close();
    },
  };
}

function toDelivery(message: AsyncMessage): Delivery {
  const attempt = Number(message.headers?.[ATTEMPT_HEADER] ?? 1);
  return {
    id: message.messageId,
    type: message.type,
    body: bodyText(message.body),
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
  };
}

/** The body as published: rabbitmq-client parses `application/json` bodies when it can, so serialize them back. */
function bodyText(body: unknown): string {
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  if (typeof body === 'string') return body;
  return JSON.stringify(body);
}
