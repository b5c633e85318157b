import { inTransaction, type Kysely, sql } from '@bazaar/platform/db';
import type { CatalogTables } from './catalog.tables.ts';
import { createCategoryRepository } from './category.repository.ts';
import { createProductRepository } from './product.repository.ts';

export interface CatalogRepositories {
  readonly products: ReturnType<typeof createProductRepository>;
  readonly categories: ReturnType<typeof createCategoryRepository>;
  /** Holds, until the transaction ends, the lock that lets one replica at a time seed. */
  lockSeeding(): Promise<void>;
}

/** Catalog's repositories, and a way to use them all inside one transaction. */
export interface CatalogStore extends CatalogRepositories {
  transaction<T>(work: (tx: CatalogRepositories) => Promise<T>): Promise<T>;
}

/** An arbitrary constant that names the seeding lock among this database's advisory locks. */
const SEED_LOCK = 7_242_001;

function repositories(db: Kysely<CatalogTables>): CatalogRepositories {
  return {
    products: createProductRepository(db),
    categories: createCategoryRepository(db),
    async lockSeeding() {
      await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(db);
    },
  };
}

export function createCatalogStore(db: Kysely<CatalogTables>): CatalogStore {
  return {
    ...repositories(db),
    transaction: (work) => inTransaction(db, (trx) => work(repositories(trx))),
  };
}
