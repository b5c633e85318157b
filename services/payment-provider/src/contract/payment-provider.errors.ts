import { defineErrors } from '@bazaar/platform/errors';

/** Every failure the payment provider reports on purpose, with its stable code and HTTP status. */
export const PaymentProviderErrors = defineErrors('PAYMENT_PROVIDER', {
  UNKNOWN_TOKEN: [400, 'The payment token is not a test card this provider knows'],
  AUTHORIZATION_NOT_FOUND: [404, 'The authorization does not exist'],
  IDEMPOTENCY_KEY_REUSED: [409, 'The idempotency key was already used for a different authorization'],
  NOT_CAPTURABLE: [409, 'Only an approved authorization can be captured'],
  NOT_VOIDABLE: [409, 'Only an approved authorization can be voided'],
  AMOUNT_EXCEEDS_AUTHORIZATION: [422, 'The capture is larger than the authorized amount'],
  OUTAGE: [503, 'The payment provider is unavailable'],
});
