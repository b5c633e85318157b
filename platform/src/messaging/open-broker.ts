import type { Logger } from '../telemetry/logger.ts';
import type { Broker } from './broker.ts';
import { createInProcessBroker, processInProcessBus, type InProcessBus } from './in-process.broker.ts';
import { createRabbitBroker } from './rabbitmq.broker.ts';

export interface OpenBrokerOptions {
  /** RabbitMQ when set (`AMQP_URL`); otherwise the in-process broker. */
  readonly amqpUrl?: string | undefined;
  /** The RabbitMQ topic exchange (default `bazaar.events`). */
  readonly exchange?: string | undefined;
  /** Unacknowledged deliveries per consumer (default 32). */
  readonly prefetch?: number | undefined;
  readonly logger: Logger;
  /** Names the RabbitMQ connection, e.g. the service name. */
  readonly connectionName?: string | undefined;
  /** The in-process bus to join; by default the one all services of this process share. */
  readonly bus?: InProcessBus | undefined;
}

/**
 * The broker a placement asks for: RabbitMQ when a URL is given, otherwise the in-process bus that every
 * service of the process shares (closing one service's broker ends only that service's subscriptions).
 */
export function openBroker(options: OpenBrokerOptions): Broker {
  if (options.amqpUrl) {
    return createRabbitBroker({
      url: options.amqpUrl,
      logger: options.logger,
      ...(options.exchange ? { exchange: options.exchange } : {}),
      ...(options.prefetch ? { prefetch: options.prefetch } : {}),
      ...(options.connectionName ? { connectionName: options.connectionName } : {}),
    });
  }
  return createInProcessBroker({ bus: options.bus ?? processInProcessBus(options.logger), logger: options.logger });
}
