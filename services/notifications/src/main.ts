import path from 'node:path';
import { issuerTokenVerifier, type TokenVerifier } from '@bazaar/platform/auth';
import { loadConfig } from '@bazaar/platform/config';
import { openDatabase } from '@bazaar/platform/db';
import { createService, type Service, type ServiceContext } from '@bazaar/platform/http';
import { attachMessaging, type Broker, type Messaging } from '@bazaar/platform/messaging';
import { createEmailSender } from './app/email-sender.ts';
import type { EmailTransport } from './app/email-transport.ts';
import { NotificationsConfig } from './app/notifications.config.ts';
import { registerNotificationRoutes } from './api/notification.routes.ts';
import { subscribeNotificationConsumers } from './events/notifications.consumers.ts';
import { createEmailRepository } from './store/email.repository.ts';
import { createMailboxTransport } from './store/mailbox.transport.ts';
import { createNotificationRepository } from './store/notification.repository.ts';
import type { NotificationsTables } from './store/notifications.tables.ts';
import { createSmtpTransport } from './store/smtp.transport.ts';

/** The notifications service, with the messaging it consumes its events through. */
export interface NotificationsService extends Service {
  readonly messaging: Messaging<NotificationsTables>;
}

/** What tests may replace; everything else comes from the context. */
export interface NotificationsOverrides {
  /** Checks access tokens; by default against identity's JWKS, found through discovery. */
  readonly verifier?: TokenVerifier;
  /** Where e-mails go; by default SMTP when `SMTP_URL` is set, otherwise the mailbox directory. The service closes it. */
  readonly transport?: EmailTransport;
  /** The broker to consume from, owned by the caller; by default RabbitMQ when `AMQP_URL` is set, else in-process. */
  readonly broker?: Broker;
}

function defaultTransport(config: NotificationsConfig): EmailTransport {
  if (config.SMTP_URL) return createSmtpTransport(config.SMTP_URL, { timeoutMs: config.NOTIFICATIONS_SMTP_TIMEOUT_MS });
  return createMailboxTransport(path.resolve(config.NOTIFICATIONS_MAILBOX_DIR ?? path.join(config.BAZAAR_DATA_DIR, 'mailbox')));
}

/** Builds the notifications service (database, consumers, e-mail sender, inbox routes) without listening. */
export async function startNotifications(context: ServiceContext, overrides: NotificationsOverrides = {}): Promise<NotificationsService> {
  const config = loadConfig(NotificationsConfig, context.env);
  const verifier = overrides.verifier ?? issuerTokenVerifier(context.discovery);
  const database = await openDatabase<NotificationsTables>({
    serverUrl: context.databaseServerUrl,
    name: context.databaseName ?? 'bazaar_notifications',
    migrationsFolder: path.join(import.meta.dirname, 'store/migrations'),
    logger: context.logger,
    poolSize: config.NOTIFICATIONS_DB_POOL_SIZE,
  });
  const transport = overrides.transport ?? defaultTransport(config);
  const release = async () => {
    await transport.close();
    await database.close();
  };

  let service: Service;
  try {
    service = await createService({ name: 'notifications', logger: context.logger, description: 'Per-user inbox and outgoing e-mails' });
  } catch (error) {
    await release();
    throw error;
  }
  service.onClose(release);
  service.addReadinessCheck({ name: 'postgres', check: () => database.check() });

  const sender = createEmailSender({
    emails: createEmailRepository(database.db),
    transport,
    logger: context.logger,
    from: config.NOTIFICATIONS_EMAIL_FROM,
    pollIntervalMs: config.NOTIFICATIONS_EMAIL_POLL_MS,
    retry: {
      maxAttempts: config.NOTIFICATIONS_EMAIL_MAX_ATTEMPTS,
      baseDelayMs: config.NOTIFICATIONS_EMAIL_RETRY_BASE_MS,
      maxDelayMs: config.NOTIFICATIONS_EMAIL_RETRY_MAX_MS,
    },
  });
  const messaging = attachMessaging<NotificationsTables>(service, {
    name: 'notifications',
    database,
    env: context.env,
    logger: context.logger,
    broker: overrides.broker,
    verifier,
    consumers: { maxAttempts: config.NOTIFICATIONS_CONSUMER_MAX_ATTEMPTS },
  });
  subscribeNotificationConsumers(messaging, sender);
  registerNotificationRoutes(service.app, createNotificationRepository(database.db), verifier);

  // Released last-registered first: the sender and consumers stop before the broker, transport and database close.
  service.onClose(() => sender.stop());
  try {
    await messaging.start();
  } catch (error) {
    await service.close();
    throw error;
  }
  sender.start();
  return Object.assign(service, { messaging });
}
