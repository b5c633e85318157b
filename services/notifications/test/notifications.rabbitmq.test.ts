import type { Connection } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import { consumerTopology, createRabbitBroker } from '@bazaar/platform/messaging';
import { adminConnection, deleteTopology, testAmqpUrl, testLogger, uniqueExchange } from '@bazaar/platform/testing';
import { startNotificationsFixture, type NotificationsFixture } from './support/notifications.fixture.ts';
import { orderConfirmed, userId } from './support/test-events.ts';

const eventually = { timeout: 30_000, interval: 100 };

describe('notifications consuming from RabbitMQ', () => {
  // An exchange of this test's own, so that other test runs and helpers on the same broker never interfere.
  const exchange = uniqueExchange('notifications');
  const topology = consumerTopology(exchange, 'notifications');
  let admin: Connection;
  let fixture: NotificationsFixture;

  beforeAll(async () => {
    admin = adminConnection();
    const broker = createRabbitBroker({ url: testAmqpUrl(), exchange, logger: testLogger('notifications-rabbitmq') });
    await broker.check();
    fixture = await startNotificationsFixture({ broker });
  });

  afterAll(async () => {
    await fixture?.close();
    await deleteTopology(admin, exchange, ['notifications']);
    await admin.close();
  });

  it('turns an event delivered twice into one notification and one e-mail file', async () => {
    const user = userId();
    const event = orderConfirmed(user, { email: 'rabbit@example.com' });
    await fixture.publish(event, event);

    await vi.waitFor(async () => expect(await fixture.count('emails', `status = 'sent' AND recipient = 'rabbit@example.com'`)).toBe(1), eventually);
    await vi.waitFor(async () => {
      const metric = await fixture.service.metrics.registry.getSingleMetric('messages_consumed_total')!.get();
      const duplicates = metric.values.find((value) => value.labels['consumer'] === 'notifications' && value.labels['outcome'] === 'duplicate');
      expect(duplicates?.value).toBe(1);
    }, eventually);
    expect(await fixture.count('notifications', `user_id = '${user}'`)).toBe(1);
    expect(await fixture.mailbox()).toHaveLength(1);
  });

  it("parks a malformed event in the consumer's dead-letter queue without stopping the consumer", async () => {
    const broken = newId('msg');
    await fixture.publishRaw(broken, 'order.confirmed', '{"id": "half a message"');

    await vi.waitFor(async () => expect(await fixture.count('dead_letters', `message_id = '${broken}'`)).toBe(1), eventually);
    await vi.waitFor(async () => expect((await admin.queueDeclare({ queue: topology.deadLetterQueue, passive: true })).messageCount).toBe(1), eventually);

    const after = orderConfirmed(userId(), { email: 'still-working@example.com' });
    await fixture.publish(after);
    await vi.waitFor(async () => expect(await fixture.count('emails', `status = 'sent' AND recipient = 'still-working@example.com'`)).toBe(1), eventually);
  });
});
