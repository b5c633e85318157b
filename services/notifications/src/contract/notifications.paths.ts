/** The HTTP paths notifications serves. */
export const NotificationsPaths = {
  notifications: '/api/notifications',
  read: '/api/notifications/:id/read',
} as const;
