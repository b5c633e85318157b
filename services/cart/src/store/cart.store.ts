import type { Result } from '@bazaar/platform/errors';
import type { Cart } from '../domain/cart.model.ts';

/** Whose cart a key names: a user's, or an anonymous `crt_` cart. */
export type CartKey = { readonly kind: 'user'; readonly userId: string } | { readonly kind: 'anonymous'; readonly cartId: string };

/**
 * What a change makes of a cart, given the cart (undefined when there is none) and, when the update
 * consumes another cart, that one too. A failure writes nothing; `null` deletes the cart.
 */
export type CartChange = (current: Cart | undefined, consumed: Cart | undefined) => Result<Cart | null>;

export interface UpdateOptions {
  /** How long the written cart lives without another write. */
  readonly ttlSeconds: number;
  /** A cart read with the target and deleted in the same atomic step (an anonymous cart merged at login). */
  readonly consume?: CartKey;
}

/** Where carts live. Every update is atomic: concurrent changes to the same cart never lose one another. */
export interface CartStore {
  read(key: CartKey): Promise<Cart | undefined>;
  update(key: CartKey, change: CartChange, options: UpdateOptions): Promise<Result<Cart | null>>;
  check(): Promise<void>;
  close(): Promise<void>;
}

/** The storage key of a cart, under the store's prefix. */
export function storageKey(prefix: string, key: CartKey): string {
  return key.kind === 'user' ? `${prefix}user:${key.userId}` : `${prefix}anon:${key.cartId}`;
}
