import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { NotificationsErrors } from '../contract/notifications.errors.ts';
import type { Notification } from '../contract/notification.schemas.ts';
import type { NotificationRepository } from '../store/notification.repository.ts';
import { notificationView } from './notification.view.ts';

/** Marks one of the user's notifications read; another user's notification does not exist for them. */
export async function markRead(repository: NotificationRepository, userId: string, id: string): Promise<Result<Notification>> {
  const row = await repository.markRead(userId, id);
  return row ? ok(notificationView(row)) : fail(new AppError(NotificationsErrors.NOTIFICATION_NOT_FOUND, `No notification ${id}`));
}
