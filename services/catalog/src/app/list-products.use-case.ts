import { ok, type AppError, type Result } from '@bazaar/platform/errors';
import type { JsonText } from '@bazaar/platform/http';
import type { ListProductsQuery, ProductPage } from '../contract/product.schemas.ts';
import { encodeCursor } from '../domain/cursor.codec.ts';
import { planListing } from '../domain/listing.policy.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { toProductView } from './product.view.ts';

/** One page of products (as JSON text): searched, filtered and ordered as asked, with the cursor of the next page. */
export async function listProducts(deps: CatalogDeps, query: ListProductsQuery): Promise<Result<JsonText<ProductPage>, AppError>> {
  const plan = planListing(query);
  if (!plan.ok) return plan;
  const page = await deps.cache.listing(plan.value, async () => {
    const { items, next } = await deps.store.products.page(plan.value);
    const page: ProductPage = { items: items.map(toProductView), nextCursor: next ? encodeCursor(next) : null };
    return page;
  });
  return ok(page);
}
