import { afterAll } from 'vitest';
import { createRabbitBroker, type Broker } from '@bazaar/platform/messaging';
import { testLogger } from '@bazaar/platform/testing';
import { describeBrokerContract } from './broker.contract.ts';
import { describeMessagingContract } from './messaging.contract.ts';
import type { BrokerUnderTest } from './support/broker-under-test.ts';
import { adminConnection, deleteTopology, queueDepth, testAmqpUrl, uniqueExchange } from '@bazaar/platform/testing';
import { startTcpProxy } from './support/tcp-proxy.ts';

// Runs against the real server whatever the environment: an unreachable RabbitMQ fails these tests.
const admin = adminConnection();
afterAll(() => admin.close());

/**
 * A RabbitMQ broker on an exchange of its own, reached through a TCP proxy so that an outage is a real
 * network cut that the client must notice and recover from.
 */
async function rabbitBroker(): Promise<BrokerUnderTest> {
  const target = new URL(testAmqpUrl());
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5672) });
  const viaProxy = new URL(target);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  const exchange = uniqueExchange();
  const inner = createRabbitBroker({ url: viaProxy.toString(), exchange, logger: testLogger('rabbitmq-broker') });
  const consumers = new Set<string>();
  const broker: Broker = {
    ...inner,
    publish: (messages) => inner.publish(messages),
    check: () => inner.check(),
    close: () => inner.close(),
    consume(options, handler) {
      consumers.add(options.consumer);
      return inner.consume(options, handler);
    },
  };
  return {
    broker,
    outage: { begin: () => proxy.cut(), end: () => proxy.restore() },
    deadLettered: (consumer) => queueDepth(admin, `${exchange}.${consumer}.dead-letter`),
    async dispose() {
      await inner.close();
      await proxy.close();
      await deleteTopology(admin, exchange, consumers);
    },
  };
}

describeBrokerContract('the RabbitMQ broker', rabbitBroker);
describeMessagingContract('the RabbitMQ broker', rabbitBroker);
