import { idPattern } from '@bazaar/platform/ids';
import { type Static, Type } from '@sinclair/typebox';

/** What a notification is about. */
export const NotificationKind = Type.Union([Type.Literal('welcome'), Type.Literal('order-confirmed'), Type.Literal('order-cancelled')]);
export type NotificationKind = Static<typeof NotificationKind>;

/** One message in a user's inbox. */
export const Notification = Type.Object({
  id: Type.String({ pattern: idPattern('ntf') }),
  kind: NotificationKind,
  subject: Type.String(),
  body: Type.String(),
  orderId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type Notification = Static<typeof Notification>;

/** Limits of the inbox listing. */
export const NotificationLimits = { pageSizeDefault: 20, pageSizeMax: 100, cursorMaxLength: 200 } as const;

/** `GET /api/notifications` query: newest first, `cursor` from the previous page. */
export const ListNotificationsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: NotificationLimits.pageSizeMax, default: NotificationLimits.pageSizeDefault })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: NotificationLimits.cursorMaxLength })),
  },
  { additionalProperties: false },
);
export type ListNotificationsQuery = Static<typeof ListNotificationsQuery>;

/** A page of the caller's inbox and how many of all their messages are unread. */
export const NotificationPage = Type.Object({
  items: Type.Array(Notification),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unreadCount: Type.Integer({ minimum: 0 }),
});
export type NotificationPage = Static<typeof NotificationPage>;

/** Path parameters naming one notification. */
export const NotificationParams = Type.Object({ id: Type.String({ pattern: idPattern('ntf') }) }, { additionalProperties: false });

/** Marking as read takes no input: an empty object or no body at all. */
export const MarkReadRequest = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()]);
