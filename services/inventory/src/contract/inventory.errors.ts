import { defineErrors } from '@bazaar/platform/errors';

/** Every failure inventory reports on purpose, with its stable code and HTTP status. */
export const InventoryErrors = defineErrors('INVENTORY', {
  INSUFFICIENT_STOCK: [409, 'There is not enough stock to reserve'],
  INVALID_RESERVATION: [422, 'The reservation request is not valid'],
  RESERVATION_MISMATCH: [409, 'The order already holds a reservation for other lines'],
  RESERVATION_NOT_FOUND: [404, 'The order has no reservation'],
  RESERVATION_NOT_HELD: [409, 'The reservation is no longer held'],
  RESERVATION_CONFIRMED: [409, 'The reservation is confirmed and can no longer be released'],
  BELOW_RESERVED: [409, 'Stock on hand cannot go below what is reserved'],
  UNKNOWN_WAREHOUSE: [422, 'The warehouse does not exist'],
});
