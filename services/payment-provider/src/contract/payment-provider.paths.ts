/** The card-processing API (`/v1`, as an external processor's would be) and the admin routes of the stand-in. */
export const PaymentProviderPaths = {
  authorizations: '/v1/authorizations',
  capture: '/v1/authorizations/:id/capture',
  void: '/v1/authorizations/:id/void',
  faults: '/api/admin/payment-provider/faults',
  counters: '/api/admin/payment-provider/counters',
  authorizationsByKey: '/api/admin/payment-provider/authorizations',
} as const;
