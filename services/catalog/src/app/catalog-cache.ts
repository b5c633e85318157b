import { createHash } from 'node:crypto';
import { type Cache, createCacheAside } from '@bazaar/platform/cache';
import type { Logger } from '@bazaar/platform/telemetry';
import { Counter, type Registry } from 'prom-client';

/** Which kind of entry a cache read was for, as labelled in the metrics. */
export type CachedKind = 'product' | 'listing' | 'categories';

/**
 * Catalog's reads through the cache, answered as the JSON text the API sends (a hit is never parsed), and the
 * invalidations that keep them honest. A product's entry is deleted when it changes. Listings cannot be found
 * by product, so every listing key carries a namespace version that any change increments: the old entries are
 * never read again and expire on their own.
 */
export interface CatalogCache {
  /** The product's JSON text, or undefined when `load` finds none. */
  product(id: string, load: () => Promise<unknown>): Promise<string | undefined>;
  /** A listing's JSON text. `query` is the normalized request: equal queries must serialize to equal JSON. */
  listing(query: unknown, load: () => Promise<unknown>): Promise<string>;
  /** The categories' JSON text. */
  categories(load: () => Promise<unknown>): Promise<string>;
  /** After a product was changed or deleted. */
  productChanged(id: string): Promise<void>;
  /** After anything that can change a listing or a category count. */
  catalogChanged(): Promise<void>;
}

const VERSION_KEY = 'products:version';

export function createCatalogCache(options: {
  readonly cache: Cache;
  readonly registry: Registry;
  readonly logger: Logger;
  readonly detailTtlMs: number;
  readonly listingTtlMs: number;
}): CatalogCache {
  const { cache, logger } = options;
  const hits = new Counter({
    name: 'catalog_cache_hits_total',
    help: 'Catalog reads answered from the cache, by kind of entry',
    labelNames: ['kind'] as const,
    registers: [options.registry],
  });
  const misses = new Counter({
    name: 'catalog_cache_misses_total',
    help: 'Catalog reads that had to load from the database, by kind of entry',
    labelNames: ['kind'] as const,
    registers: [options.registry],
  });
  const detail = createCacheAside(cache, { ttlMs: options.detailTtlMs });
  const listing = createCacheAside(cache, { ttlMs: options.listingTtlMs });

  async function counted(kind: CachedKind, read: typeof detail, key: string, load: () => Promise<unknown>): Promise<string | undefined> {
    let loaded = false;
    const json = await read(key, () => {
      loaded = true;
      return load();
    });
    (loaded ? misses : hits).inc({ kind });
    return json;
  }

  /** The current namespace version, or undefined when the cache cannot tell (then nothing is cached). */
  async function version(): Promise<number | undefined> {
    try {
      return (await cache.get<number>(VERSION_KEY)) ?? 0;
    } catch (error) {
      logger.warn({ err: error }, 'cache unavailable: serving listings from the database');
      return undefined;
    }
  }

  /** A listing or the categories: never undefined, as their loaders always find a value. */
  async function versioned(kind: CachedKind, name: string, load: () => Promise<unknown>): Promise<string> {
    const v = await version();
    if (v === undefined) {
      misses.inc({ kind });
      return JSON.stringify(await load());
    }
    return (await counted(kind, listing, `products:v${v}:${name}`, load)) ?? JSON.stringify(null);
  }

  async function quietly(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      // The change is committed; a stale entry lives at most one TTL, which beats failing the request.
      logger.error({ err: error }, `cache invalidation failed: ${what}`);
    }
  }

  return {
    product: (id, load) => counted('product', detail, `product:${id}`, load),
    listing: (query, load) => versioned('listing', `list:${createHash('sha256').update(JSON.stringify(query)).digest('base64url')}`, load),
    categories: (load) => versioned('categories', 'categories', load),
    async productChanged(id) {
      await quietly('product', () => cache.delete(`product:${id}`));
      await quietly('listings', () => cache.increment(VERSION_KEY));
    },
    async catalogChanged() {
      await quietly('listings', () => cache.increment(VERSION_KEY));
    },
  };
}
