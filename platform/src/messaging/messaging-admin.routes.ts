import { type Static, Type } from '@sinclair/typebox';
import { authenticate, type TokenVerifier } from '../auth/index.ts';
import { unwrap } from '../errors/index.ts';
import type { App } from '../http/create-service.ts';
import { DeadLetterPageSchema, DeadLetterSchema, type DeadLetters } from './dead-letters.store.ts';
import type { OutboxLag } from './outbox.metrics.ts';

/** How a service's messaging is doing: what the relay has yet to publish, and what its consumers gave up on. */
export const MessagingStatusSchema = Type.Object(
  {
    outboxPending: Type.Integer({ minimum: 0 }),
    outboxOldestAgeSeconds: Type.Number({ minimum: 0 }),
    deadLettersPending: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type MessagingStatus = Static<typeof MessagingStatusSchema>;

/** Where a service's messaging status is read, the same path in every service. */
export const MESSAGING_STATUS_PATH = '/api/admin/messaging';

const ListQuery = Type.Object(
  {
    consumer: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9._-]+$' })),
    state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('redriven'), Type.Literal('all')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
// Re-driving takes no fields: an empty object, or no body at all.
const NoBody = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()]);

export interface MessagingAdminOptions {
  /** The service's name: its dead letters are under `/api/admin/dead-letters/<service>`. */
  readonly service: string;
  readonly deadLetters: DeadLetters;
  readonly lag: () => Promise<OutboxLag>;
  readonly verifier: TokenVerifier;
}

/**
 * The operator's view of a service's messaging (admin only): its status at `/api/admin/messaging` (read by the
 * gateway's system view), and its dead letters under `/api/admin/dead-letters/<service>`, listed and re-driven
 * to the consumer that gave up on them once their cause is fixed.
 */
export function registerMessagingAdminRoutes(app: App, options: MessagingAdminOptions): void {
  const base = `/api/admin/dead-letters/${options.service}`;
  const admin = authenticate(options.verifier, ['admin']);
  const tags = ['admin'];
  app.get(
    MESSAGING_STATUS_PATH,
    { onRequest: admin, schema: { tags, summary: 'Outbox lag and pending dead letters', response: { 200: MessagingStatusSchema } } },
    async (): Promise<MessagingStatus> => {
      const [lag, deadLettersPending] = await Promise.all([options.lag(), options.deadLetters.pendingCount()]);
      return { outboxPending: lag.pending, outboxOldestAgeSeconds: lag.oldestAgeSeconds, deadLettersPending };
    },
  );
  app.get(
    base,
    { onRequest: admin, schema: { tags, summary: 'Messages a consumer gave up on', querystring: ListQuery, response: { 200: DeadLetterPageSchema } } },
    async (request) => options.deadLetters.list(request.query),
  );
  app.post(
    `${base}/:id/redrive`,
    { onRequest: admin, schema: { tags, summary: 'Deliver a dead letter again', params: Params, body: NoBody, response: { 200: DeadLetterSchema } } },
    async (request) => unwrap(await options.deadLetters.redrive(request.params.id)),
  );
}
