import path from 'node:path';
import { issuerTokenVerifier, type TokenVerifier } from '@bazaar/platform/auth';
import { loadConfig } from '@bazaar/platform/config';
import { openDatabase, type Transaction } from '@bazaar/platform/db';
import type { AppError, Result } from '@bazaar/platform/errors';
import { createService, type Service, type ServiceContext } from '@bazaar/platform/http';
import { attachMessaging, type Broker, type Messaging } from '@bazaar/platform/messaging';
import { registerStockRoutes } from './api/stock.routes.ts';
import type { ReserveStock } from './contract/reservation.schemas.ts';
import type { Availability, WarehouseList } from './contract/stock.schemas.ts';
import { confirmReservation } from './app/confirm-reservation.use-case.ts';
import { expireReservations, type ExpiredReservations } from './app/expire-reservations.use-case.ts';
import { startExpiryRunner } from './app/expiry.runner.ts';
import { getAvailability } from './app/get-availability.use-case.ts';
import { InventoryConfig } from './app/inventory.config.ts';
import type { InventoryDeps } from './app/inventory.deps.ts';
import { listWarehouses } from './app/list-warehouses.use-case.ts';
import { releaseReservation } from './app/release-reservation.use-case.ts';
import type { ReservationChange } from './app/reservation.view.ts';
import { reserveStock } from './app/reserve-stock.use-case.ts';
import { seedInventory } from './app/seed-inventory.use-case.ts';
import { setStock, type SetStockInput, type StockSet } from './app/set-stock.use-case.ts';
import { subscribeOrderConfirmed } from './events/order-confirmed.consumer.ts';
import { subscribeReleaseStock } from './events/release-stock.consumer.ts';
import { subscribeReserveStock } from './events/reserve-stock.consumer.ts';
import { createInventoryStore } from './store/inventory.store.ts';
import type { InventoryTables } from './store/inventory.tables.ts';

export type { ReservationChange } from './app/reservation.view.ts';
export type { ExpiredReservations } from './app/expire-reservations.use-case.ts';
export type { SetStockInput, StockSet } from './app/set-stock.use-case.ts';
export { InsufficientStock } from './app/stock-errors.ts';
export { INVENTORY_COMMANDS_CONSUMER, INVENTORY_ORDERS_CONSUMER } from './events/inventory.consumers.ts';

/** What the saga's command consumers (and the admin tools) call; expected failures come back as values. */
export interface InventoryUseCases {
  /** Sets stock aside for an order, all lines or none; the same order again returns the same reservation. */
  reserveStock(command: ReserveStock): Promise<Result<ReservationChange, AppError>>;
  /** Gives an order's held stock back; idempotent. */
  releaseReservation(orderId: string): Promise<Result<ReservationChange, AppError>>;
  /** Lets an order's held stock leave with it; idempotent. */
  confirmReservation(orderId: string): Promise<Result<ReservationChange, AppError>>;
  /** Returns the stock of held reservations past their deadline (the runner calls this on its interval). */
  expireReservations(now?: Date): Promise<ExpiredReservations>;
  /** Sets the stock on hand of a SKU in a warehouse; never below what is reserved there. */
  setStock(input: SetStockInput): Promise<Result<StockSet, AppError>>;
  availability(sku: string): Promise<Availability>;
  warehouses(): Promise<WarehouseList>;
}

/** The inventory service, its use cases, and the demo-data hook a placement calls on first start. */
export interface InventoryService extends Service {
  readonly useCases: InventoryUseCases;
  /** The messaging the saga's commands arrive and its replies leave through. */
  readonly messaging: Messaging<InventoryTables>;
  /** Creates the demo warehouses and stock for these SKUs when there is no stock yet; safe on every start. */
  seedIfEmpty(skus: readonly string[]): Promise<{ created: number }>;
}

/** What tests may replace; everything else comes from the context. */
export interface InventoryOverrides {
  /** Checks access tokens; by default against identity's JWKS, found through discovery. */
  readonly verifier?: TokenVerifier;
  /** The time reservations are stamped and expired by. */
  readonly clock?: () => Date;
  /** The broker to consume from, owned by the caller; by default RabbitMQ when `AMQP_URL` is set, else in-process. */
  readonly broker?: Broker;
}

function inventoryUseCases(deps: InventoryDeps): InventoryUseCases {
  return {
    reserveStock: (command) => reserveStock(deps, command),
    releaseReservation: (orderId) => releaseReservation(deps, orderId),
    confirmReservation: (orderId) => confirmReservation(deps, orderId),
    expireReservations: (now) => expireReservations(deps, now),
    setStock: (input) => setStock(deps, input),
    availability: (sku) => getAvailability(deps, sku),
    warehouses: () => listWarehouses(deps),
  };
}

/** Builds the inventory service (database, routes, expiry runner, readiness) without listening. */
export async function startInventory(context: ServiceContext, overrides: InventoryOverrides = {}): Promise<InventoryService> {
  const config = loadConfig(InventoryConfig, context.env);
  const verifier = overrides.verifier ?? issuerTokenVerifier(context.discovery);
  const database = await openDatabase<InventoryTables>({
    serverUrl: context.databaseServerUrl,
    name: context.databaseName ?? 'bazaar_inventory',
    migrationsFolder: path.join(import.meta.dirname, 'store/migrations'),
    logger: context.logger,
    poolSize: config.INVENTORY_DB_POOL_SIZE,
  });


  let service: Service;
  try {
    service = await createService({ name: 'inventory', logger: context.logger, description: 'Stock per SKU and warehouse, and reservations for orders' });
  } catch (error) {
    await database.close();
    throw error;
  }
  service.onClose(() => database.close());
  service.addReadinessCheck({ name: 'postgres', check: () => database.check() });

  const deps: InventoryDeps = {
    store: createInventoryStore(database.db),
    clock: overrides.clock ?? (() => new Date()),
    reservationTtlMs: config.INVENTORY_RESERVATION_TTL_SECONDS * 1000,
    expiryBatchSize: config.INVENTORY_EXPIRY_BATCH_SIZE,
  };
  registerStockRoutes(service.app, deps, verifier);

  // Registered after the database, so it stops first: the last sweep finishes before the pool closes.
  const runner = startExpiryRunner({ intervalMs: config.INVENTORY_EXPIRY_INTERVAL_MS, sweep: () => expireReservations(deps), logger: context.logger });
  service.onClose(() => runner.stop());

  const useCases = inventoryUseCases(deps);
  // The saga's consumers run the same use cases on a store of their own transaction.
  const useCasesIn = (trx: Transaction<InventoryTables>) => inventoryUseCases({ ...deps, store: createInventoryStore(trx) });

  const messaging = attachMessaging<InventoryTables>(service, {
    name: 'inventory',
    database,
    env: context.env,
    logger: context.logger,
    broker: overrides.broker,
    verifier,
    consumers: { maxAttempts: config.INVENTORY_CONSUMER_MAX_ATTEMPTS },
  });
  subscribeReserveStock(messaging, useCasesIn);
  subscribeReleaseStock(messaging, useCasesIn);
  subscribeOrderConfirmed(messaging, useCasesIn);
  // Released last-registered first: the consumers stop before the broker and the database close.
  try {
    await messaging.start();
  } catch (error) {
    await service.close();
    throw error;
  }
  return Object.assign(service, { useCases, messaging, seedIfEmpty: (skus: readonly string[]) => seedInventory(deps, skus) });
}
