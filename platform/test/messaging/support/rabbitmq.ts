import { randomBytes } from 'node:crypto';
import { Connection } from 'rabbitmq-client';
import { consumerTopology } from '@bazaar/platform/messaging';

export { testAmqpUrl } from '@bazaar/platform/testing';
import { testAmqpUrl } from '@bazaar/platform/testing';

/** An exchange name no other test (or helper running tests at the same time) uses. */
export function uniqueExchange(): string {
  return `bazaar-test.${randomBytes(5).toString('hex')}`;
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

/** Deletes the exchange, its dead-letter exchange, and every queue of the given consumers on it. */
export async function deleteTopology(admin: Connection, exchange: string, consumers: Iterable<string>): Promise<void> {
  for (const consumer of consumers) {
    const topology = consumerTopology(exchange, consumer);
    for (const queue of [topology.queue, topology.deadLetterQueue, ...topology.retryQueues.map((retry) => retry.name)]) {
      await admin.queueDelete({ queue });
    }
  }
  await admin.exchangeDelete({ exchange });
  await admin.exchangeDelete({ exchange: `${exchange}.dead-letter` });
}
