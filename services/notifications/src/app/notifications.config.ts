import { Env } from '@bazaar/platform/config';
import { type Static, Type } from '@sinclair/typebox';

/** Notifications' settings, read from its environment by `loadConfig`. */
export const NotificationsConfig = Type.Object({
  NOTIFICATIONS_DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /** SMTP server for e-mails; without it they are written to the mailbox directory. */
  SMTP_URL: Type.Optional(Env.url(['smtp', 'smtps'])),
  /** The data directory of the placement; the mailbox defaults to `<data dir>/mailbox`. */
  BAZAAR_DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  NOTIFICATIONS_MAILBOX_DIR: Type.Optional(Type.String({ minLength: 1 })),
  NOTIFICATIONS_EMAIL_FROM: Type.String({ minLength: 3, maxLength: 320, default: 'Bazaar <no-reply@bazaar.local>' }),
  /** Deliveries of one e-mail before it is marked failed, and the delay between them (doubling). */
  NOTIFICATIONS_EMAIL_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 8 }),
  NOTIFICATIONS_EMAIL_RETRY_BASE_MS: Type.Integer({ minimum: 10, maximum: 3_600_000, default: 1_000 }),
  NOTIFICATIONS_EMAIL_RETRY_MAX_MS: Type.Integer({ minimum: 10, maximum: 86_400_000, default: 300_000 }),
  /** How often the sender looks for queued e-mails when nothing woke it. */
  NOTIFICATIONS_EMAIL_POLL_MS: Type.Integer({ minimum: 10, maximum: 600_000, default: 1_000 }),
  /** One SMTP delivery's connection, greeting and socket timeout. */
  NOTIFICATIONS_SMTP_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 10_000 }),
  /** Deliveries of an event before the consumer dead-letters it. */
  NOTIFICATIONS_CONSUMER_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
});
export type NotificationsConfig = Static<typeof NotificationsConfig>;
