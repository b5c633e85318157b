import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { newId } from '@bazaar/platform/ids';
import { CatalogErrors } from '../contract/catalog.errors.ts';
import type { Category, CreateCategory } from '../contract/category.schemas.ts';
import { normalizeText } from '../domain/product.model.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { toCategoryView } from './product.view.ts';

/** Adds an empty category; its slug must be free. */
export async function createCategory(deps: CatalogDeps, input: CreateCategory): Promise<Result<Category, AppError>> {
  const created = await deps.store.categories.insert({
    id: newId('cat'),
    slug: input.slug,
    name: normalizeText(input.name),
    description: normalizeText(input.description ?? ''),
  });
  if (!created) {
    return fail(new AppError(CatalogErrors.SLUG_TAKEN, `The slug ${input.slug} is already used`, { errors: [{ path: 'body.slug', message: 'is already used' }] }));
  }
  await deps.cache.catalogChanged();
  return ok(toCategoryView(created));
}
