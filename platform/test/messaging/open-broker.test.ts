import { afterAll, describe, expect, it, vi } from 'vitest';
import { openBroker, type Delivery } from '@bazaar/platform/messaging';
import { newId } from '@bazaar/platform/ids';
import { testLogger } from '@bazaar/platform/testing';
import { uniqueConsumer } from './support/broker-under-test.ts';
import { adminConnection, deleteTopology, testAmqpUrl, uniqueExchange } from '@bazaar/platform/testing';

const logger = testLogger('open-broker');
const admin = adminConnection();
afterAll(() => admin.close());

describe('openBroker', () => {
  it('joins the in-process bus every service of the process shares when no AMQP URL is set', async () => {
    const orders = openBroker({ logger });
    const notifications = openBroker({ logger, amqpUrl: '' });
    const cart = openBroker({ logger });
    expect(orders.kind).toBe('in-process');
    const seen: Delivery[] = [];
    const handler = async (delivery: Delivery) => {
      seen.push(delivery);
      return { outcome: 'ack' } as const;
    };
    await notifications.consume({ consumer: uniqueConsumer('notifications'), bindings: ['order.*'] }, handler);
    await cart.consume({ consumer: uniqueConsumer('cart'), bindings: ['order.placed'] }, handler);

    // One service closing its broker ends its own subscriptions only.
    await cart.close();
    await orders.publish([{ id: newId('msg'), type: 'order.placed', body: '{}' }]);
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 10_000 });
    await orders.check();
    await notifications.close();
    await orders.close();
  });

  it('connects to RabbitMQ when an AMQP URL is set', async () => {
    const exchange = uniqueExchange();
    const broker = openBroker({ logger, amqpUrl: testAmqpUrl(), exchange, connectionName: 'open-broker-test' });
    expect(broker.kind).toBe('rabbitmq');
    const consumer = uniqueConsumer('notifications');
    try {
      await broker.check();
      const seen: Delivery[] = [];
      await broker.consume({ consumer, bindings: ['order.placed'] }, async (delivery) => {
        seen.push(delivery);
        return { outcome: 'ack' };
      });
      await broker.publish([{ id: newId('msg'), type: 'order.placed', body: '{}' }]);
      await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 10_000 });
    } finally {
      await broker.close();
      await deleteTopology(admin, exchange, [consumer]);
    }
  });

  it('reports an unreachable RabbitMQ as not ready', async () => {
    const broker = openBroker({ logger, amqpUrl: 'amqp://guest:guest@127.0.0.1:1', exchange: uniqueExchange() });
    await expect(broker.check()).rejects.toThrow();
    await broker.close();
  });
});
