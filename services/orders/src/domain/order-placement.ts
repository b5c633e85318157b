import type { CartLine } from '../contract/cart-reader.ts';
import type { OrderPlaced, ShippingAddress } from './order.events.ts';

/** Why a cart cannot become an order. */
export type PlacementProblem = 'EMPTY_CART' | 'MIXED_CURRENCIES';

/** The OrderPlaced event for a cart, or why the cart cannot be ordered. */
export function placeOrder(input: {
  orderId: string;
  userId: string;
  email: string;
  cart: readonly CartLine[];
  shippingAddress: ShippingAddress;
  idempotencyKey: string;
}): { ok: true; event: OrderPlaced } | { ok: false; problem: PlacementProblem } {
  const lines = input.cart.filter((line) => line.quantity > 0);
  if (lines.length === 0) return { ok: false, problem: 'EMPTY_CART' };
  const currency = lines[0]!.currency;
  if (lines.some((line) => line.currency !== currency)) return { ok: false, problem: 'MIXED_CURRENCIES' };
  const totalMinor = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  return {
    ok: true,
    event: {
      type: 'OrderPlaced',
      orderId: input.orderId,
      userId: input.userId,
      email: input.email,
      lines: lines.map(({ productId, sku, name, quantity, unitPriceMinor, currency: lineCurrency }) => ({ productId, sku, name, quantity, unitPriceMinor, currency: lineCurrency })),
      totalMinor,
      currency,
      shippingAddress: input.shippingAddress,
      idempotencyKey: input.idempotencyKey,
    },
  };
}
