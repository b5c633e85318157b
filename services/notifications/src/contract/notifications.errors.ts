import { defineErrors } from '@bazaar/platform/errors';

/** Every failure notifications reports on purpose, with its stable code and HTTP status. */
export const NotificationsErrors = defineErrors('NOTIFICATIONS', {
  NOTIFICATION_NOT_FOUND: [404, 'The notification does not exist'],
  INVALID_CURSOR: [400, 'The cursor is not valid for this listing'],
});
