import path from 'node:path';
import { issuerTokenVerifier, type TokenVerifier } from '@bazaar/platform/auth';
import { loadConfig } from '@bazaar/platform/config';
import { openDatabase } from '@bazaar/platform/db';
import { createService, type Service, type ServiceContext } from '@bazaar/platform/http';
import { attachMessaging, type Broker, type Messaging } from '@bazaar/platform/messaging';
import { createSagaOrchestrator, createSagaRunner, type SagaDefinition, type SagaOrchestrator } from '@bazaar/platform/workflow';
import { registerOrderRoutes } from './api/order.routes.ts';
import { OrdersConfig } from './app/orders.config.ts';
import type { OrdersDeps } from './app/orders.deps.ts';
import { watchSettledOrders } from './app/settled-orders.watcher.ts';
import type { CartReader } from './contract/cart-reader.ts';
import type { OrdersTables } from './store/orders.tables.ts';
import { checkoutSaga } from './workflows/checkout.saga.ts';
import { sagaCommandSender } from './workflows/saga-command.sender.ts';
import { createCartClient } from './app/cart.client.ts';
import { subscribeSagaReplies } from './workflows/saga-reply.consumer.ts';

/** The orders service, with its messaging and saga orchestrator (for placements, admin views and tests). */
export interface OrdersService extends Service {
  readonly messaging: Messaging<OrdersTables>;
  readonly orchestrator: SagaOrchestrator<OrdersTables>;
}

/** What the placement passes in, and what tests may replace. */
export interface OrdersDependencies {
  /** Reads the buyer's cart at checkout; by default the cart service, found through discovery. */
  readonly cart?: CartReader;
  /** Checks access tokens; by default against identity's JWKS, found through discovery. */
  readonly verifier?: TokenVerifier;
  /** The broker to use instead of the one `AMQP_URL` (or the in-process bus) gives; its owner closes it. */
  readonly broker?: Broker;
}

/** Builds the orders service (database, messaging, checkout saga and its runner, routes, readiness) without listening. */
export async function startOrders(context: ServiceContext, dependencies: OrdersDependencies = {}): Promise<OrdersService> {
  const config = loadConfig(OrdersConfig, context.env);
  const verifier = dependencies.verifier ?? issuerTokenVerifier(context.discovery);
  const database = await openDatabase<OrdersTables>({
    serverUrl: context.databaseServerUrl,
    name: context.databaseName ?? 'bazaar_orders',
    migrationsFolder: path.join(import.meta.dirname, 'store/migrations'),
    logger: context.logger,
    poolSize: config.ORDERS_DB_POOL_SIZE,
  });

  let service: Service;
  try {
    service = await createService({ name: 'orders', logger: context.logger, description: 'Event-sourced orders, the order history and the checkout saga' });
  } catch (error) {
    await database.close();
    throw error;
  }
  service.onClose(() => database.close());
  service.addReadinessCheck({ name: 'postgres', check: () => database.check() });

  const messaging = attachMessaging<OrdersTables>(service, {
    name: 'orders',
    database,
    env: context.env,
    logger: context.logger,
    broker: dependencies.broker,
    verifier,
  });
  const saga = checkoutSaga(messaging.outbox, { stepMs: config.ORDERS_SAGA_STEP_TIMEOUT_MS, undoMs: config.ORDERS_SAGA_UNDO_TIMEOUT_MS });
  const orchestrator = createSagaOrchestrator<OrdersTables>({
    db: database.db,
    sender: sagaCommandSender(messaging.outbox),
    sagas: [saga as unknown as SagaDefinition<object, OrdersTables>],
    logger: context.logger,
    registry: service.metrics.registry,
  });
  subscribeSagaReplies(messaging, orchestrator);
  const runner = createSagaRunner(orchestrator, { intervalMs: config.ORDERS_SAGA_TICK_MS, logger: context.logger });

  let cart = dependencies.cart;
  if (!cart) {
    const client = createCartClient(context.discovery);
    service.onClose(() => client.close());
    cart = client;
  }
  const settledOrders = watchSettledOrders(database);
  service.onClose(() => settledOrders.close());
  const deps: OrdersDeps = {
    db: database.db,
    outbox: messaging.outbox,
    orchestrator,
    cart,
    checkoutWaitMs: config.ORDERS_CHECKOUT_WAIT_MS,
    settledOrders,
  };
  registerOrderRoutes(service.app, deps, verifier);

  // Released last-registered first: the runner and consumers stop before the broker and database close.
  service.onClose(() => runner.stop());
  try {
    await messaging.start();
  } catch (error) {
    await service.close();
    throw error;
  }
  runner.start();
  return Object.assign(service, { messaging, orchestrator });
}
