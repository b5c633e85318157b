/** Orders' public routes. */
export const OrdersPaths = {
  checkout: '/api/checkout',
  orders: '/api/orders',
  order: '/api/orders/:id',
} as const;
