import type { Kysely } from '@bazaar/platform/db';
import type { Messaging } from '@bazaar/platform/messaging';
import { OrderCancelled, OrderConfirmed, UserRegistered } from '../contract/consumed-events.ts';
import { notifyOrderCancelled, notifyOrderConfirmed, welcomeUser } from '../app/record-notification.use-case.ts';
import { createNotificationRepository } from '../store/notification.repository.ts';
import type { NotificationsTables } from '../store/notifications.tables.ts';

/** The consumer (and so the queue) notifications reads its events from. */
export const NOTIFICATIONS_CONSUMER = 'notifications';

/**
 * Subscribes to the events that notify users. `queued` runs after a handler wrote an e-mail; it only wakes
 * the sender, which finds the e-mail once the transaction has committed (or at its next poll).
 */
export function subscribeNotificationConsumers(messaging: Messaging<NotificationsTables>, queued: () => void): void {
  const inTransaction = (trx: Kysely<NotificationsTables>) => createNotificationRepository(trx);
  messaging.subscribe(NOTIFICATIONS_CONSUMER, UserRegistered, async (message, { trx }) => {
    if (await welcomeUser(inTransaction(trx), message)) queued();
  });
  messaging.subscribe(NOTIFICATIONS_CONSUMER, OrderConfirmed, async (message, { trx }) => {
    if (await notifyOrderConfirmed(inTransaction(trx), message)) queued();
  });
  messaging.subscribe(NOTIFICATIONS_CONSUMER, OrderCancelled, async (message, { trx }) => {
    if (await notifyOrderCancelled(inTransaction(trx), message)) queued();
  });
}
