import { authenticate, principalOf, type TokenVerifier } from '@bazaar/platform/auth';
import { unwrap } from '@bazaar/platform/errors';
import { type App, ProblemSchema } from '@bazaar/platform/http';
import { NotificationsPaths } from '../contract/notifications.paths.ts';
import { ListNotificationsQuery, MarkReadRequest, Notification, NotificationPage, NotificationParams } from '../contract/notification.schemas.ts';
import { listNotifications } from '../app/list-notifications.use-case.ts';
import { markRead } from '../app/mark-read.use-case.ts';
import type { NotificationRepository } from '../store/notification.repository.ts';

const customer = { security: [{ bearer: [] }] };
const rejected = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

/** The caller's own inbox: reading it and marking messages read. */
export function registerNotificationRoutes(app: App, repository: NotificationRepository, verifier: TokenVerifier): void {
  // Authentication runs on request, before the body is parsed: strangers learn nothing from validation.
  const signedIn = authenticate(verifier);

  app.get(
    NotificationsPaths.notifications,
    {
      onRequest: signedIn,
      schema: {
        summary: "The caller's notifications, newest first, with the unread count",
        ...customer,
        querystring: ListNotificationsQuery,
        response: { 200: NotificationPage, ...rejected },
      },
    },
    async (request) => unwrap(await listNotifications(repository, principalOf(request).userId, request.query)),
  );

  app.post(
    NotificationsPaths.read,
    {
      onRequest: signedIn,
      schema: {
        summary: 'Mark one of your notifications read',
        ...customer,
        params: NotificationParams,
        body: MarkReadRequest,
        response: { 200: Notification, ...rejected, 404: ProblemSchema },
      },
    },
    async (request) => unwrap(await markRead(repository, principalOf(request).userId, request.params.id)),
  );
}
