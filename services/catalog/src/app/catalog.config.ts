import { type Static, Type } from '@sinclair/typebox';

/** Catalog's settings, read from its environment by `loadConfig`. */
export const CatalogConfig = Type.Object({
  CATALOG_DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /** Keys of this service in a shared Redis start with this prefix. */
  CATALOG_CACHE_PREFIX: Type.String({ minLength: 1, maxLength: 100, default: 'catalog:' }),
  CATALOG_CACHE_DETAIL_TTL_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
  CATALOG_CACHE_LISTING_TTL_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 30 }),
  /** The demo catalog: how many products, and the seed of the generator (same seed, same catalog). */
  CATALOG_SEED_PRODUCTS: Type.Integer({ minimum: 1, maximum: 100_000, default: 600 }),
  CATALOG_SEED_RANDOM: Type.Integer({ minimum: 0, maximum: 4_294_967_295, default: 20_240_601 }),
});
export type CatalogConfig = Static<typeof CatalogConfig>;
