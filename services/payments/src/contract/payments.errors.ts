import { defineErrors } from '@bazaar/platform/errors';

/** Every failure payments reports on purpose, with its stable code and HTTP status. */
export const PaymentsErrors = defineErrors('PAYMENTS', {
  PAYMENT_NOT_FOUND: [404, 'The payment does not exist'],
  DECLINED: [402, 'The card was declined'],
  PROVIDER_UNAVAILABLE: [503, 'The payment provider is unavailable'],
  NOT_CAPTURABLE: [409, 'The payment is not authorized, so it cannot be captured'],
  NOT_VOIDABLE: [409, 'The payment has been captured, so it cannot be voided'],
  VOIDED: [409, 'The payment for this order was voided'],
  TERMS_CHANGED: [409, 'The order already has a payment with another amount, currency or customer'],
});
