import { type Static, Type } from '@sinclair/typebox';
import type { Database } from '../db/database.ts';
import type { TokenVerifier } from '../auth/index.ts';
import { Env, loadConfig } from '../config/index.ts';
import type { Service } from '../http/create-service.ts';
import type { Logger } from '../telemetry/logger.ts';
import type { Broker } from './broker.ts';
import { createMessaging, type Messaging, type MessagingOptions } from './messaging.ts';
import { registerMessagingAdminRoutes } from './messaging-admin.routes.ts';
import { openBroker } from './open-broker.ts';

/** The broker settings every service that uses the broker reads (README: Configuration). */
export const BrokerConfig = Type.Object({
  AMQP_URL: Type.Optional(Env.url(['amqp', 'amqps'])),
  AMQP_EXCHANGE: Type.String({ default: 'bazaar.events', pattern: '^[A-Za-z0-9._-]{1,100}$' }),
});
export type BrokerConfig = Static<typeof BrokerConfig>;

export interface AttachBrokerOptions {
  /** Names the connection, e.g. the service name. */
  readonly name: string;
  readonly env: Record<string, string | undefined>;
  readonly logger: Logger;
  /** A broker owned by the caller, used instead of the one the settings name; the caller closes it. */
  readonly broker?: Broker | undefined;
}

/**
 * The broker of a service: the caller's, or RabbitMQ at `AMQP_URL` on `AMQP_EXCHANGE`, or the in-process bus.
 * The service is ready only while the broker answers, and closes a broker it opened.
 */
export function attachBroker(service: Service, options: AttachBrokerOptions): Broker {
  let broker = options.broker;
  if (!broker) {
    const config = loadConfig(BrokerConfig, options.env);
    const opened = openBroker({ amqpUrl: config.AMQP_URL, exchange: config.AMQP_EXCHANGE, logger: options.logger, connectionName: options.name });
    service.onClose(() => opened.close());
    broker = opened;
  }
  const attached = broker;
  service.addReadinessCheck({ name: 'broker', check: () => attached.check() });
  return attached;
}

export interface AttachMessagingOptions<DB> extends AttachBrokerOptions, Pick<MessagingOptions<DB>, 'relay' | 'consumers'> {
  /** The service's database, whose migrations created the messaging tables; the relay listens on it for commits. */
  readonly database: Pick<Database<DB>, 'db' | 'listen'>;
  /** Checks the administrator's token on the messaging admin routes. */
  readonly verifier: TokenVerifier;
}

/**
 * A service's messaging as every placement sets it up: its broker (see `attachBroker`), the outbox relay and
 * idempotent consumers, their metrics, and the admin routes for its status and dead letters. The consumers and
 * relay stop before anything registered earlier (the database, the broker) is released. Subscribe, then `start()`.
 */
export function attachMessaging<DB>(service: Service, options: AttachMessagingOptions<DB>): Messaging<DB> {
  const broker = attachBroker(service, options);
  const messaging = createMessaging<DB>({
    db: options.database.db,
    listen: (channel, onNotify) => options.database.listen(channel, onNotify),
    broker,
    logger: options.logger,
    registry: service.metrics.registry,
    ...(options.relay && { relay: options.relay }),
    ...(options.consumers && { consumers: options.consumers }),
  });
  registerMessagingAdminRoutes(service.app, { service: options.name, deadLetters: messaging.deadLetters, lag: messaging.lag, verifier: options.verifier });
  service.onClose(() => messaging.stop());
  return messaging;
}
