import { defineErrors } from '@bazaar/platform/errors';

/** Every failure cart reports on purpose, with its stable code and HTTP status. */
export const CartErrors = defineErrors('CART', {
  CART_NOT_FOUND: [404, 'The cart does not exist or has expired'],
  ITEM_NOT_FOUND: [404, 'The cart has no line for this product'],
  UNKNOWN_PRODUCT: [422, 'The product does not exist'],
  TOO_MANY_LINES: [422, 'The cart holds as many different products as it can'],
  QUANTITY_TOO_LARGE: [422, 'The quantity of a line cannot go above its limit'],
  MALFORMED_CART_ID: [400, 'The X-Cart-Id header is not a cart id'],
  CART_REQUIRED: [401, 'A bearer token or an X-Cart-Id header is required'],
  CATALOG_UNAVAILABLE: [503, 'The catalog could not be reached to price the product'],
});
