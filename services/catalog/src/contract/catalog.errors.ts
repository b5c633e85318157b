import { defineErrors } from '@bazaar/platform/errors';

/** Every failure catalog reports on purpose, with its stable code and HTTP status. */
export const CatalogErrors = defineErrors('CATALOG', {
  PRODUCT_NOT_FOUND: [404, 'The product does not exist'],
  UNKNOWN_CATEGORY: [422, 'The category does not exist'],
  SKU_TAKEN: [409, 'A product with this SKU already exists'],
  SLUG_TAKEN: [409, 'A category with this slug already exists'],
  INVALID_CURSOR: [400, 'The cursor is not valid for this listing'],
});
