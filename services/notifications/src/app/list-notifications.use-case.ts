import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { NotificationsErrors } from '../contract/notifications.errors.ts';
import { NotificationLimits, type ListNotificationsQuery, type NotificationPage } from '../contract/notification.schemas.ts';
import { decodeInboxCursor, encodeInboxCursor } from '../domain/inbox-cursor.codec.ts';
import type { NotificationRepository } from '../store/notification.repository.ts';
import { notificationView } from './notification.view.ts';

/** A page of the user's own inbox, newest first, with their unread count. */
export async function listNotifications(repository: NotificationRepository, userId: string, query: ListNotificationsQuery): Promise<Result<NotificationPage>> {
  const limit = query.limit ?? NotificationLimits.pageSizeDefault;
  let afterId: string | undefined;
  if (query.cursor !== undefined) {
    afterId = decodeInboxCursor(query.cursor);
    if (afterId === undefined) return fail(new AppError(NotificationsErrors.INVALID_CURSOR));
  }
  // One row more than asked tells whether there is a next page without a second query.
  const rows = await repository.page(userId, limit + 1, afterId);
  const items = rows.slice(0, limit).map(notificationView);
  const nextCursor = rows.length > limit ? encodeInboxCursor(items.at(-1)!.id) : null;
  return ok({ items, nextCursor, unreadCount: await repository.countUnread(userId) });
}
