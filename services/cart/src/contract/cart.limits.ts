/** How much one cart may hold. */
export const CartLimits = {
  /** Units of one product in one line. */
  minQuantity: 1,
  maxQuantity: 99,
  /** Different products in one cart. */
  maxLines: 50,
} as const;

/** The header an anonymous client sends its cart id in. */
export const CART_ID_HEADER = 'x-cart-id';
