import { inResultTransaction, type Kysely, sql } from '@bazaar/platform/db';
import type { Result } from '@bazaar/platform/errors';
import type { InventoryTables } from './inventory.tables.ts';
import { createReservationRepository, type ReservationRepository } from './reservation.repository.ts';
import { createStockRepository, type StockRepository } from './stock.repository.ts';
import { createWarehouseRepository, type WarehouseRepository } from './warehouse.repository.ts';

export interface InventoryRepositories {
  readonly stock: StockRepository;
  readonly reservations: ReservationRepository;
  readonly warehouses: WarehouseRepository;
  /** Holds, until the transaction ends, the lock that lets one replica at a time seed. */
  lockSeeding(): Promise<void>;
}

/** Inventory's repositories, and a way to use them all inside one transaction. */
export interface InventoryStore extends InventoryRepositories {
  /**
   * Runs `work` in one transaction: committed when it returns a success, rolled back when it returns a failure.
   * A store made on a transaction runs it under a savepoint of that transaction.
   */
  transaction<T, E>(work: (tx: InventoryRepositories) => Promise<Result<T, E>>): Promise<Result<T, E>>;
}

/** An arbitrary constant that names the seeding lock among this database's advisory locks. */
const SEED_LOCK = 7_242_002;

function repositories(db: Kysely<InventoryTables>): InventoryRepositories {
  return {
    stock: createStockRepository(db),
    reservations: createReservationRepository(db),
    warehouses: createWarehouseRepository(db),
    async lockSeeding() {
      await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(db);
    },
  };
}

export function createInventoryStore(db: Kysely<InventoryTables>): InventoryStore {
  return {
    ...repositories(db),
    transaction: (work) => inResultTransaction(db, (trx) => work(repositories(trx))),
  };
}
