/** The paths cart serves; the gateway exposes them unchanged. */
export const CartPaths = {
  cart: '/api/cart',
  items: '/api/cart/items',
  item: '/api/cart/items/:productId',
  merge: '/api/cart/merge',
} as const;
