/** The paths payments serves; the gateway exposes them unchanged. */
export const PaymentsPaths = {
  payment: '/api/payments/:orderId',
} as const;
