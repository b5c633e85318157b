import type { CartView } from '../contract/cart.schemas.ts';
import { type Cart, totalsOf } from '../domain/cart.model.ts';
import type { CartKey } from '../store/cart.store.ts';

/** The cart as the API shows it; a user with no stored cart has an empty one. */
export function toCartView(key: CartKey, cart: Cart | null | undefined): CartView {
  return {
    id: key.kind === 'user' ? key.userId : key.cartId,
    anonymous: key.kind === 'anonymous',
    items: (cart?.lines ?? []).map((line) => ({ ...line, lineTotalMinor: line.priceMinor * line.quantity })),
    totals: cart ? totalsOf(cart) : [],
    updatedAt: cart?.updatedAt ?? null,
  };
}
