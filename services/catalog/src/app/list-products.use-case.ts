import { ok, type AppError, type Result } from '@bazaar/platform/errors';
import type { ListProductsQuery, ProductPage } from '../contract/product.schemas.ts';
import { encodeCursor } from '../domain/cursor.codec.ts';
import { planListing } from '../domain/listing.policy.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { toProductView } from './product.view.ts';

/** One page of products: searched, filtered and ordered as asked, with the cursor of the next page. */
export async function listProducts(deps: CatalogDeps, query: ListProductsQuery): Promise<Result<ProductPage, AppError>> {
  const plan = planListing(query);
  if (!plan.ok) return plan;
  const page = await deps.cache.listing(plan.value, async () => {
    const { items, next } = await deps.store.products.page(plan.value);
    return { items: items.map(toProductView), nextCursor: next ? encodeCursor(next) : null };
  });
  return ok(page);
}
