import { AppError, fail, ok, PlatformErrors, type Result } from '@bazaar/platform/errors';
import { CatalogErrors } from '../contract/catalog.errors.ts';
import { ProductLimits } from '../contract/catalog.limits.ts';
import type { ListProductsQuery } from '../contract/product.schemas.ts';
import { decodeCursor, type EffectiveSort, type PageKey } from './cursor.codec.ts';

/** A listing request once it has been checked and normalized: what the store is asked for. */
export interface ListingPlan {
  /** The search text, trimmed with runs of white space collapsed; absent when there is nothing to search. */
  readonly search: string | undefined;
  /** A category slug or id, lower-cased. */
  readonly category: string | undefined;
  readonly minPrice: number | undefined;
  readonly maxPrice: number | undefined;
  readonly sort: EffectiveSort;
  readonly limit: number;
  /** The page starts after this key. */
  readonly after: PageKey | undefined;
}

/** The order a listing is served in: relevance ranks a search, and without one every rank ties, so newest decides. */
export function effectiveSort(requested: ListProductsQuery['sort'], search: string | undefined): EffectiveSort {
  const sort = requested ?? (search ? 'relevance' : 'newest');
  return sort === 'relevance' && !search ? 'newest' : sort;
}

/** Checks what the schema cannot (the price range, the cursor) and normalizes the rest. */
export function planListing(query: ListProductsQuery): Result<ListingPlan, AppError> {
  const search = query.q?.replace(/\s+/g, ' ').trim() || undefined;
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    return fail(
      new AppError(PlatformErrors.VALIDATION, 'minPrice is above maxPrice', {
        errors: [{ path: 'querystring.minPrice', message: 'must not be above maxPrice' }],
      }),
    );
  }
  const sort = effectiveSort(query.sort, search);
  let after: PageKey | undefined;
  if (query.cursor !== undefined) {
    after = decodeCursor(query.cursor, sort);
    if (!after) return fail(new AppError(CatalogErrors.INVALID_CURSOR, `The cursor was not made for a listing sorted by ${sort}`));
  }
  return ok({
    search,
    category: query.category?.toLowerCase(),
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    sort,
    limit: Math.min(Math.max(query.limit ?? ProductLimits.pageDefaultSize, 1), ProductLimits.pageMaxSize),
    after,
  });
}
