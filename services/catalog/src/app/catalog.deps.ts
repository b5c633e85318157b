import type { CatalogStore } from '../store/catalog.store.ts';
import type { CatalogCache } from './catalog-cache.ts';

/** What catalog's use cases work with. */
export interface CatalogDeps {
  readonly store: CatalogStore;
  readonly cache: CatalogCache;
}
