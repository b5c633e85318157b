import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { newId } from '@bazaar/platform/ids';
import { CatalogErrors } from '../contract/catalog.errors.ts';
import type { CreateProduct, Product } from '../contract/product.schemas.ts';
import { normalizeText } from '../domain/product.model.ts';
import { checkProductFields } from '../domain/product.rules.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { unknownCategory } from './product-errors.ts';
import { toProductView } from './product.view.ts';

/** Adds a product to the catalog; without a SKU it gets a fresh one. */
export async function createProduct(deps: CatalogDeps, input: CreateProduct): Promise<Result<Product, AppError>> {
  const checked = checkProductFields(input);
  if (!checked.ok) return checked;
  if (!(await deps.store.categories.exists(input.categoryId))) return fail(unknownCategory(input.categoryId));
  const sku = input.sku ?? newId('sku');
  const stored = await deps.store.products.insert({
    id: newId('prd'),
    sku,
    name: normalizeText(input.name),
    description: normalizeText(input.description ?? ''),
    categoryId: input.categoryId,
    priceMinor: input.priceMinor,
    currency: input.currency,
    attributes: input.attributes ?? {},
  });
  if (stored === 'sku-taken') {
    return fail(new AppError(CatalogErrors.SKU_TAKEN, `The SKU ${sku} is already used`, { errors: [{ path: 'body.sku', message: 'is already used' }] }));
  }
  if (stored === 'unknown-category') return fail(unknownCategory(input.categoryId));
  await deps.cache.catalogChanged();
  return ok(toProductView(stored));
}
