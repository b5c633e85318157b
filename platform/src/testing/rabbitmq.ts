import { randomBytes } from 'node:crypto';
import { Connection } from 'rabbitmq-client';
import { consumerTopology } from '../messaging/rabbitmq.topology.ts';

/** RabbitMQ for tests: `AMQP_URL`, or the local default. It must be reachable; an unreachable broker fails. */
export function testAmqpUrl(): string {
  return process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
}

/** An exchange name no other test (or test run on the same broker) uses. */
export function uniqueExchange(label = 'test'): string {
  return `bazaar-test.${label}.${randomBytes(5).toString('hex')}`;
}

/** A connection for looking at and cleaning up what the tests declared. */
export function adminConnection(): Connection {
  const admin = new Connection({ url: testAmqpUrl(), retryLow: 100, retryHigh: 1_000, connectionTimeout: 5_000 });
  admin.on('error', () => undefined);
  return admin;
}

/** Messages waiting in a queue. */
export async function queueDepth(admin: Connection, queue: string): Promise<number> {
  const { messageCount } = await admin.queueDeclare({ queue, passive: true });
  return messageCount;
}

/**
 * Deletes every queue of the given consumers on the exchange, then the exchange and its dead-letter exchange,
 * leaving the shared broker as it was. The exchange is deleted only if unused, so a queue of a consumer the
 * caller did not name (still bound to it) fails the clean-up instead of staying behind unnoticed.
 */
export async function deleteTopology(admin: Connection, exchange: string, consumers: Iterable<string>): Promise<void> {
  for (const consumer of consumers) {
    const topology = consumerTopology(exchange, consumer);
    for (const queue of [topology.queue, topology.deadLetterQueue, ...topology.retryQueues.map((retry) => retry.name)]) {
      await admin.queueDelete({ queue });
    }
  }
  await admin.exchangeDelete({ exchange, ifUnused: true });
  await admin.exchangeDelete({ exchange: `${exchange}.dead-letter`, ifUnused: true });
}

/** Publishes a raw body to an exchange, as a misbehaving producer would, and waits for the broker's confirm. */
export async function publishRaw(exchange: string, routingKey: string, body: string, properties: { messageId?: string; type?: string } = {}): Promise<void> {
  const admin = adminConnection();
  const publisher = admin.createPublisher({ confirm: true });
  try {
    await publisher.send({ exchange, routingKey, durable: true, contentType: 'application/json', ...properties }, body);
  } finally {
    await publisher.close();
    await admin.close();
  }
}
