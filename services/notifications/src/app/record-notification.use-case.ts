import type { MessageOf } from '@bazaar/platform/messaging';
import type { OrderCancelled, OrderConfirmed, UserRegistered } from '../contract/consumed-events.ts';
import { composeOrderCancelled, composeOrderConfirmed, composeWelcome } from '../domain/notification.composer.ts';
import type { NotificationRepository, RecordedNotification } from '../store/notification.repository.ts';

// Each runs inside the consumer's transaction (with the inbox row), so the notification, its queued e-mail
// and the "handled" mark commit together or not at all. Each answers what it recorded, nothing for an event
// already recorded; its e-mail is claimed for `claimedForMs` (see `NotificationRepository.record`).

/** Welcomes a new user and remembers their address for later order e-mails. */
export async function welcomeUser(repository: NotificationRepository, message: MessageOf<typeof UserRegistered>, claimedForMs: number): Promise<RecordedNotification | undefined> {
  const { userId, email, name } = message.payload;
  await repository.rememberRecipient(userId, email, name);
  return repository.record({ ...composeWelcome(name), userId, email, sourceMessageId: message.id }, claimedForMs);
}

/** Tells the user their order is confirmed. */
export async function notifyOrderConfirmed(repository: NotificationRepository, message: MessageOf<typeof OrderConfirmed>, claimedForMs: number): Promise<RecordedNotification | undefined> {
  const { userId } = message.payload;
  const email = message.payload.email ?? (await repository.recipientOf(userId));
  return repository.record({ ...composeOrderConfirmed(message.payload), userId, email, sourceMessageId: message.id }, claimedForMs);
}

/** Tells the user their order was cancelled, and why. */
export async function notifyOrderCancelled(repository: NotificationRepository, message: MessageOf<typeof OrderCancelled>, claimedForMs: number): Promise<RecordedNotification | undefined> {
  const { userId } = message.payload;
  const email = message.payload.email ?? (await repository.recipientOf(userId));
  return repository.record({ ...composeOrderCancelled(message.payload), userId, email, sourceMessageId: message.id }, claimedForMs);
}
