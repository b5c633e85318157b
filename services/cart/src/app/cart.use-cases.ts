import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { newId } from '@bazaar/platform/ids';
import { CartErrors } from '../contract/cart.errors.ts';
import type { AddItem, CartView } from '../contract/cart.schemas.ts';
import { addLine, emptyCart, mergeCarts, removeLine, setQuantity } from '../domain/cart.model.ts';
import type { CartKey } from '../store/cart.store.ts';
import type { CartDeps } from './cart.deps.ts';
import { changeCart, ttlOf } from './change-cart.ts';
import { toCartView } from './cart.view.ts';

/** Issues a new, empty anonymous cart. */
export async function createAnonymousCart(deps: CartDeps): Promise<CartView> {
  const key: CartKey = { kind: 'anonymous', cartId: newId('crt') };
  const created = await deps.store.update(key, () => ok(emptyCart(deps.clock())), { ttlSeconds: ttlOf(deps, key) });
  return toCartView(key, created.ok ? created.value : null);
}

/** A cart as it is now; a user without one sees an empty cart, an unknown anonymous cart is not found. */
export async function getCart(deps: CartDeps, key: CartKey): Promise<Result<CartView>> {
  const cart = await deps.store.read(key);
  if (cart === undefined && key.kind === 'anonymous') return fail(new AppError(CartErrors.CART_NOT_FOUND));
  return ok(toCartView(key, cart));
}

/** Adds units of a product at the price catalog quotes now; nothing is written when catalog cannot say. */
export async function addItem(deps: CartDeps, key: CartKey, input: AddItem): Promise<Result<CartView>> {
  if (key.kind === 'anonymous' && (await deps.store.read(key)) === undefined) return fail(new AppError(CartErrors.CART_NOT_FOUND));
  const snapshot = await deps.catalog.priceOf(input.productId);
  if (!snapshot.ok) return snapshot;
  return changeCart(deps, key, (cart, now) => addLine(cart, snapshot.value, input.quantity, now));
}

/** Sets the quantity of a line already in the cart; 0 removes it. */
export function setItemQuantity(deps: CartDeps, key: CartKey, productId: string, quantity: number): Promise<Result<CartView>> {
  return changeCart(deps, key, (cart, now) => setQuantity(cart, productId, quantity, now));
}

/** Removes a product's line. */
export function removeItem(deps: CartDeps, key: CartKey, productId: string): Promise<Result<CartView>> {
  return changeCart(deps, key, (cart, now) =>
    cart.lines.some((line) => line.productId === productId) ? ok(removeLine(cart, productId, now)) : fail(new AppError(CartErrors.ITEM_NOT_FOUND)),
  );
}

/** Empties a cart; an anonymous cart stays issued (its id keeps working), a user's cart is simply gone. */
export async function emptyTheCart(deps: CartDeps, key: CartKey): Promise<Result<CartView>> {
  if (key.kind === 'anonymous') return changeCart(deps, key, (_cart, now) => ok(emptyCart(now)));
  await deps.store.update(key, () => ok(null), { ttlSeconds: ttlOf(deps, key) });
  return ok(toCartView(key, null));
}

/** Empties a user's cart once their order is placed; idempotent, so a redelivered event changes nothing. */
export async function emptyCartOfUser(deps: CartDeps, userId: string): Promise<void> {
  await emptyTheCart(deps, { kind: 'user', userId });
}

/**
 * Folds an anonymous cart into the user's cart at login and deletes it, in one atomic step: two logins
 * racing with the same cart id cannot both add its items.
 */
export async function mergeIntoUserCart(deps: CartDeps, userId: string, cartId: string): Promise<Result<CartView>> {
  const key: CartKey = { kind: 'user', userId };
  const result = await deps.store.update(
    key,
    (current, anonymous) => {
      if (anonymous === undefined) return fail(new AppError(CartErrors.CART_NOT_FOUND, `No anonymous cart ${cartId}`));
      const now = deps.clock();
      return ok(mergeCarts(current ?? emptyCart(now), anonymous, now));
    },
    { ttlSeconds: ttlOf(deps, key), consume: { kind: 'anonymous', cartId } },
  );
  return result.ok ? ok(toCartView(key, result.value)) : result;
}
