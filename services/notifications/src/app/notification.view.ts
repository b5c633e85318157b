import type { Notification } from '../contract/notification.schemas.ts';
import type { NotificationRow } from '../store/notification.repository.ts';

/** A stored notification as the API shows it. */
export function notificationView(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    orderId: row.order_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at === null ? null : row.read_at.toISOString(),
  };
}
