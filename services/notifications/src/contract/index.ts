export { NotificationsErrors } from './notifications.errors.ts';
export { NotificationsPaths } from './notifications.paths.ts';
export {
  NotificationKind,
  Notification,
  NotificationLimits,
  ListNotificationsQuery,
  NotificationPage,
  NotificationParams,
  MarkReadRequest,
} from './notification.schemas.ts';
export { UserRegistered, OrderConfirmed, OrderCancelled } from './consumed-events.ts';
