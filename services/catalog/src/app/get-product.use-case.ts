import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import type { JsonText } from '@bazaar/platform/http';
import { isId } from '@bazaar/platform/ids';
import { CatalogErrors } from '../contract/catalog.errors.ts';
import type { Product } from '../contract/product.schemas.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { toProductView } from './product.view.ts';

/**
 * A product by id, as the JSON text the API answers with (from the cache when it holds it); an id of the wrong
 * shape cannot name a product, so it is not found without a query.
 */
export async function getProduct(deps: CatalogDeps, id: string): Promise<Result<JsonText<Product>, AppError>> {
  if (!isId('prd', id)) return fail(new AppError(CatalogErrors.PRODUCT_NOT_FOUND));
  const product = await deps.cache.product(id, async (): Promise<Product | undefined> => {
    const record = await deps.store.products.findById(id);
    return record && toProductView(record);
  });
  return product ? ok(product) : fail(new AppError(CatalogErrors.PRODUCT_NOT_FOUND));
}
