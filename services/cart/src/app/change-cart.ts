import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { CartErrors } from '../contract/cart.errors.ts';
import type { CartView } from '../contract/cart.schemas.ts';
import { type Cart, emptyCart } from '../domain/cart.model.ts';
import type { CartKey } from '../store/cart.store.ts';
import type { CartDeps } from './cart.deps.ts';
import { toCartView } from './cart.view.ts';

/** How long a cart of this kind lives after a write. */
export function ttlOf(deps: CartDeps, key: CartKey): number {
  return key.kind === 'user' ? deps.userTtlSeconds : deps.anonymousTtlSeconds;
}

/**
 * Applies a domain change to one cart atomically and shows the result. A user's cart springs into being on
 * its first change; an anonymous cart must have been issued first (and not have expired).
 */
export async function changeCart(deps: CartDeps, key: CartKey, change: (cart: Cart, now: Date) => Result<Cart>): Promise<Result<CartView>> {
  const result = await deps.store.update(
    key,
    (current) => {
      if (current === undefined && key.kind === 'anonymous') return fail(new AppError(CartErrors.CART_NOT_FOUND));
      const now = deps.clock();
      return change(current ?? emptyCart(now), now);
    },
    { ttlSeconds: ttlOf(deps, key) },
  );
  return result.ok ? ok(toCartView(key, result.value)) : result;
}
