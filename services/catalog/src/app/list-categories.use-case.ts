import type { CategoryList } from '../contract/category.schemas.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { toCategoryView } from './product.view.ts';

/** Every category with its product count. */
export async function listCategories(deps: CatalogDeps): Promise<CategoryList> {
  return deps.cache.categories(async () => (await deps.store.categories.list()).map(toCategoryView));
}
