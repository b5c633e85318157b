import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { isId } from '@bazaar/platform/ids';
import { CatalogErrors } from '../contract/catalog.errors.ts';
import type { Product, UpdateProduct } from '../contract/product.schemas.ts';
import { normalizeText, type ProductChanges } from '../domain/product.model.ts';
import { checkProductFields } from '../domain/product.rules.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { unknownCategory } from './product-errors.ts';
import { toProductView } from './product.view.ts';

/** Changes some fields of a product; its version grows by one and cached copies are dropped. */
export async function updateProduct(deps: CatalogDeps, id: string, input: UpdateProduct): Promise<Result<Product, AppError>> {
  if (!isId('prd', id)) return fail(new AppError(CatalogErrors.PRODUCT_NOT_FOUND));
  const checked = checkProductFields(input);
  if (!checked.ok) return checked;
  if (input.categoryId !== undefined && !(await deps.store.categories.exists(input.categoryId))) return fail(unknownCategory(input.categoryId));
  const changes: ProductChanges = {
    ...input,
    ...(input.name !== undefined && { name: normalizeText(input.name) }),
    ...(input.description !== undefined && { description: normalizeText(input.description) }),
  };
  const updated = await deps.store.products.update(id, changes);
  if (updated === 'unknown-category') return fail(unknownCategory(input.categoryId ?? ''));
  if (!updated) return fail(new AppError(CatalogErrors.PRODUCT_NOT_FOUND));
  await deps.cache.productChanged(id);
  return ok(toProductView(updated));
}
