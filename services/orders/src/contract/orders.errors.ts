import { defineErrors } from '@bazaar/platform/errors';

/** Every failure orders reports on purpose, with its stable code and HTTP status. */
export const OrdersErrors = defineErrors('ORDERS', {
  ORDER_NOT_FOUND: [404, 'The order does not exist'],
  EMPTY_CART: [422, 'The cart is empty'],
  MIXED_CURRENCIES: [422, 'The cart holds prices in more than one currency'],
  INVALID_IDEMPOTENCY_KEY: [400, 'The Idempotency-Key header must be 8 to 128 characters of A-Z, a-z, 0-9, _ and -'],
  IDEMPOTENCY_KEY_REUSED: [409, 'This Idempotency-Key was used for a different checkout'],
  VERSION_CONFLICT: [409, 'The order changed meanwhile; try again'],
  INVALID_TRANSITION: [409, 'The order cannot take this change in its current state'],
  INVALID_CURSOR: [400, 'The cursor is not valid for this listing'],
});
