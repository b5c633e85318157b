import path from 'node:path';
import { issuerTokenVerifier, type TokenVerifier } from '@bazaar/platform/auth';
import { openCache } from '@bazaar/platform/cache';
import { loadConfig } from '@bazaar/platform/config';
import { openDatabase } from '@bazaar/platform/db';
import { createService, type Service, type ServiceContext } from '@bazaar/platform/http';
import { registerCategoryRoutes } from './api/category.routes.ts';
import { registerProductRoutes } from './api/product.routes.ts';
import { createCatalogCache } from './app/catalog-cache.ts';
import { CatalogConfig } from './app/catalog.config.ts';
import { seedCatalog } from './app/seed-catalog.use-case.ts';
import { createCatalogStore } from './store/catalog.store.ts';
import type { CatalogTables } from './store/catalog.tables.ts';

/** The catalog service, with the demo-data hook a placement calls on first start. */
export interface CatalogService extends Service {
  /** Creates the demo catalog when there are no products yet; safe to call on every start. */
  seedIfEmpty(): Promise<{ created: number }>;
}

/** What tests may replace; everything else comes from the context. */
export interface CatalogOverrides {
  /** Checks access tokens; by default against identity's JWKS, found through discovery. */
  readonly verifier?: TokenVerifier;
}

/** Builds the catalog service (database, cache, routes, readiness) without listening. */
export async function startCatalog(context: ServiceContext, overrides: CatalogOverrides = {}): Promise<CatalogService> {
  const config = loadConfig(CatalogConfig, context.env);
  const database = await openDatabase<CatalogTables>({
    serverUrl: context.databaseServerUrl,
    name: context.databaseName ?? 'bazaar_catalog',
    migrationsFolder: path.join(import.meta.dirname, 'store/migrations'),
    logger: context.logger,
    poolSize: config.CATALOG_DB_POOL_SIZE,
  });
  const cache = openCache({ redisUrl: context.redisUrl, prefix: config.CATALOG_CACHE_PREFIX });

  let service: Service;
  try {
    service = await createService({
      name: 'catalog',
      logger: context.logger,
      description: 'Products, categories, prices and full-text search',
    });
  } catch (error) {
    await cache.close();
    await database.close();
    throw error;
  }
  service.onClose(() => database.close());
  service.onClose(() => cache.close());
  service.addReadinessCheck({ name: 'postgres', check: () => database.check() });
  service.addReadinessCheck({ name: 'cache', check: () => cache.check() });

  const deps = {
    store: createCatalogStore(database.db),
    cache: createCatalogCache({
      cache,
      registry: service.metrics.registry,
      logger: context.logger,
      detailTtlMs: config.CATALOG_CACHE_DETAIL_TTL_SECONDS * 1000,
      listingTtlMs: config.CATALOG_CACHE_LISTING_TTL_SECONDS * 1000,
    }),
  };
  const verifier = overrides.verifier ?? issuerTokenVerifier(context.discovery);
  registerProductRoutes(service.app, deps, verifier);
  registerCategoryRoutes(service.app, deps, verifier);

  return Object.assign(service, {
    seedIfEmpty: () => seedCatalog(deps, { seed: config.CATALOG_SEED_RANDOM, productCount: config.CATALOG_SEED_PRODUCTS }),
  });
}
