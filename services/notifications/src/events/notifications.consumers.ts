import { afterCommit, type Kysely } from '@bazaar/platform/db';
import type { MessageOf, Messaging } from '@bazaar/platform/messaging';
import { OrderCancelled, OrderConfirmed, UserRegistered } from '../contract/consumed-events.ts';
import { notifyOrderCancelled, notifyOrderConfirmed, welcomeUser } from '../app/record-notification.use-case.ts';
import type { EmailSender } from '../app/email-sender.ts';
import type { QueuedEmail } from '../store/email.repository.ts';
import { createNotificationRepository, type NotificationRepository, type RecordedNotification } from '../store/notification.repository.ts';
import type { NotificationsTables } from '../store/notifications.tables.ts';

/** The consumer (and so the queue) notifications reads its events from. */
export const NOTIFICATIONS_CONSUMER = 'notifications';

type Recorder<M> = (repository: NotificationRepository, message: M, claimedForMs: number) => Promise<RecordedNotification | undefined>;

/**
 * Subscribes to the events that notify users. A handler's e-mail is queued claimed by this process and handed
 * to `sender` once the consumer's transaction commits, so it goes out at once; in a transaction whose commit
 * this process does not see, it is queued unclaimed for the sender's next poll.
 */
export function subscribeNotificationConsumers(messaging: Messaging<NotificationsTables>, sender: Pick<EmailSender, 'leaseMs' | 'deliverClaimed'>): void {
  const recording =
    <M>(record: Recorder<M>) =>
    async (message: M, { trx }: { trx: Kysely<NotificationsTables> }) => {
      const queued: QueuedEmail[] = [];
      const claimed = afterCommit(trx, () => sender.deliverClaimed(queued));
      const { email } = (await record(createNotificationRepository(trx), message, claimed ? sender.leaseMs : 0)) ?? {};
      if (email && claimed) queued.push(email);
    };
  messaging.subscribe(NOTIFICATIONS_CONSUMER, UserRegistered, recording<MessageOf<typeof UserRegistered>>(welcomeUser));
  messaging.subscribe(NOTIFICATIONS_CONSUMER, OrderConfirmed, recording<MessageOf<typeof OrderConfirmed>>(notifyOrderConfirmed));
  messaging.subscribe(NOTIFICATIONS_CONSUMER, OrderCancelled, recording<MessageOf<typeof OrderCancelled>>(notifyOrderCancelled));
}
