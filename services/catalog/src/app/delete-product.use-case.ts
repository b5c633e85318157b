import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { isId } from '@bazaar/platform/ids';
import { CatalogErrors } from '../contract/catalog.errors.ts';
import type { CatalogDeps } from './catalog.deps.ts';

/**
 * Removes a product for good. Orders keep their own copy of what was bought, so nothing needs the row
 * afterwards, and a deleted product is simply not found.
 */
export async function deleteProduct(deps: CatalogDeps, id: string): Promise<Result<void, AppError>> {
  if (!isId('prd', id) || !(await deps.store.products.delete(id))) return fail(new AppError(CatalogErrors.PRODUCT_NOT_FOUND));
  await deps.cache.productChanged(id);
  return ok(undefined);
}
