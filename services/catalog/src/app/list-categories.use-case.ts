import type { JsonText } from '@bazaar/platform/http';
import type { CategoryList } from '../contract/category.schemas.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { toCategoryView } from './product.view.ts';

/** Every category with its product count, as JSON text. */
export async function listCategories(deps: CatalogDeps): Promise<JsonText<CategoryList>> {
  return deps.cache.categories(async (): Promise<CategoryList> => (await deps.store.categories.list()).map(toCategoryView));
}
