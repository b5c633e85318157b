import { AppError } from '@bazaar/platform/errors';
import { CatalogErrors } from '../contract/catalog.errors.ts';

/** The category named in a body does not exist: the request is well formed but cannot be carried out. */
export function unknownCategory(categoryId: string): AppError {
  return new AppError(CatalogErrors.UNKNOWN_CATEGORY, `There is no category ${categoryId}`, {
    errors: [{ path: 'body.categoryId', message: 'does not name an existing category' }],
  });
}
