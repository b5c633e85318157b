import { issuerTokenVerifier, type TokenVerifier } from '@bazaar/platform/auth';
import { loadConfig } from '@bazaar/platform/config';
import { createService, createServiceClient, type Service, type ServiceContext } from '@bazaar/platform/http';
import { attachBroker, type Broker } from '@bazaar/platform/messaging';
import { registerCartRoutes } from './api/cart.routes.ts';
import { consumeOrderPlaced } from './events/order-placed.consumer.ts';
import { CartConfig } from './app/cart.config.ts';
import type { CartDeps } from './app/cart.deps.ts';
import { emptyCartOfUser } from './app/cart.use-cases.ts';
import { createCatalogGateway } from './app/catalog.gateway.ts';
import type { CartStore } from './store/cart.store.ts';
import { createMemoryCartStore } from './store/memory-cart.store.ts';
import { createRedisCartStore } from './store/redis-cart.store.ts';

export type { CartStore, CartKey, CartChange, UpdateOptions } from './store/cart.store.ts';

/** What other parts of the system call directly (the `order.placed` consumer). */
export interface CartUseCases {
  /** Empties a user's cart after their order was placed; idempotent, safe for redelivered events. */
  emptyCartOfUser(userId: string): Promise<void>;
}

/** The cart service and its use cases. */
export interface CartService extends Service {
  readonly useCases: CartUseCases;
}

/** What tests may replace; everything else comes from the context. */
export interface CartOverrides {
  /** Checks access tokens; by default against identity's JWKS, found through discovery. */
  readonly verifier?: TokenVerifier;
  /** Where carts live; by default Redis when the context has one, memory otherwise. The service closes it. */
  readonly store?: CartStore;
  /** The time carts are stamped with. */
  readonly clock?: () => Date;
  /** The broker `order.placed` arrives on, owned by the caller; by default RabbitMQ when `AMQP_URL` is set, else in-process. */
  readonly broker?: Broker;
}

/** Builds the cart service (store, catalog client, routes, readiness) without listening. */
export async function startCart(context: ServiceContext, overrides: CartOverrides = {}): Promise<CartService> {
  const config = loadConfig(CartConfig, context.env);
  const store =
    overrides.store ??
    (context.redisUrl === undefined
      ? createMemoryCartStore({ maxCarts: config.CART_MEMORY_MAX_CARTS })
      : createRedisCartStore({ url: context.redisUrl, prefix: config.CART_REDIS_PREFIX }));

  let service: Service;
  try {
    service = await createService({ name: 'cart', logger: context.logger, description: 'Carts of users and anonymous visitors, priced from catalog' });
  } catch (error) {
    await store.close();
    throw error;
  }
  const catalog = createServiceClient({
    service: 'catalog',
    caller: 'cart',
    discovery: context.discovery,
    timeoutMs: config.CART_CATALOG_TIMEOUT_MS,
    registry: service.metrics.registry,
    logger: context.logger,
  });
  service.onClose(() => store.close());
  service.onClose(() => catalog.close());
  service.addReadinessCheck({ name: 'cart-store', check: () => store.check() });

  const deps: CartDeps = {
    store,
    catalog: createCatalogGateway(catalog),
    clock: overrides.clock ?? (() => new Date()),
    userTtlSeconds: config.CART_TTL_SECONDS,
    anonymousTtlSeconds: config.CART_ANONYMOUS_TTL_SECONDS,
  };
  registerCartRoutes(service.app, deps, overrides.verifier ?? issuerTokenVerifier(context.discovery));

  const useCases: CartUseCases = { emptyCartOfUser: (userId) => emptyCartOfUser(deps, userId) };

  const broker = attachBroker(service, { name: 'cart', env: context.env, logger: context.logger, broker: overrides.broker });
  const subscription = await consumeOrderPlaced(broker, useCases.emptyCartOfUser, context.logger);
  service.onClose(() => subscription.close());
  return Object.assign(service, { useCases });
}
