import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { cartApi } from '../api/cart.api.ts';
import { ApiError } from '../api/problem.ts';
import type { CartView } from '../api/types.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { anonymousCartId } from './anonymous-cart-id.ts';

export interface Cart {
  /** The cart as the server last answered it; null before the first answer or when there is none. */
  readonly cart: CartView | null;
  /** True until the cart for the current shopper has been read (and merged, after a login). */
  readonly loading: boolean;
  readonly error: unknown;
  /** Units in the cart, for the header badge. */
  readonly count: number;
  add(productId: string, quantity: number): Promise<void>;
  setQuantity(productId: string, quantity: number): Promise<void>;
  remove(productId: string): Promise<void>;
  reload(): Promise<void>;
}

const CartContext = createContext<Cart | null>(null);

const isGone = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.code === 'CART.MALFORMED_CART_ID');

/**
 * Reads the cart of whoever is shopping: the signed-in user's (by token) or an anonymous one (by the id in
 * localStorage). When someone signs in while holding an anonymous cart, that cart is merged into theirs
 * and its id forgotten.
 */
export function CartProvider({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  const userId = user?.sub ?? null;
  const [state, setState] = useState<{ owner: string | null | undefined; cart: CartView | null; error: unknown }>({
    owner: undefined,
    cart: null,
    error: undefined,
  });
  // A merge deletes the anonymous cart, so it must run once even when effects run twice.
  const merging = useRef<Promise<CartView | null> | null>(null);

  const readCart = useCallback(async (signedIn: boolean): Promise<CartView | null> => {
    const anonymousId = anonymousCartId.read();
    if (signedIn && anonymousId) {
      merging.current ??= cartApi.merge(anonymousId).then(
        (merged) => {
          anonymousCartId.forget();
          return merged;
        },
        (error: unknown) => {
          if (!isGone(error)) throw error;
          anonymousCartId.forget();
          return cartApi.get(null);
        },
      ).finally(() => {
        merging.current = null;
      });
      return merging.current;
    }
    if (signedIn) return cartApi.get(null);
    if (!anonymousId) return null;
    try {
      return await cartApi.get(anonymousId);
    } catch (error) {
      if (!isGone(error)) throw error;
      anonymousCartId.forget();
      return null;
    }
  }, []);

  useEffect(() => {
    if (status === 'restoring') return;
    let active = true;
    readCart(userId !== null).then(
      (cart) => active && setState({ owner: userId, cart, error: undefined }),
      (error: unknown) => active && setState({ owner: userId, cart: null, error }),
    );
    return () => {
      active = false;
    };
  }, [status, userId, readCart]);

  const reload = useCallback(async () => {
    try {
      const cart = await readCart(userId !== null);
      setState({ owner: userId, cart, error: undefined });
    } catch (error) {
      setState({ owner: userId, cart: null, error });
    }
  }, [readCart, userId]);

  /** Runs a change against the right cart, starting an anonymous cart on the first add. */
  const change = useCallback(
    async (apply: (cartId: string | null) => Promise<CartView>, createIfMissing: boolean) => {
      let cartId = userId ? null : anonymousCartId.read();
      if (!userId && !cartId) {
        if (!createIfMissing) return;
        cartId = (await cartApi.create()).id;
        anonymousCartId.write(cartId);
      }
      try {
        const cart = await apply(cartId);
        setState({ owner: userId, cart, error: undefined });
      } catch (error) {
        // An anonymous cart expires after a week unused: start a new one rather than fail the add.
        if (userId || !createIfMissing || !isGone(error)) throw error;
        anonymousCartId.forget();
        const fresh = (await cartApi.create()).id;
        anonymousCartId.write(fresh);
        setState({ owner: userId, cart: await apply(fresh), error: undefined });
      }
    },
    [userId],
  );

  const value = useMemo<Cart>(() => {
    const current = state.owner === userId && status !== 'restoring';
    const cart = current ? state.cart : null;
    return {
      cart,
      loading: !current,
      error: current ? state.error : undefined,
      count: cart?.items.reduce((sum, item) => sum + item.quantity, 0) ?? 0,
      add: (productId, quantity) => change((id) => cartApi.addItem(id, productId, quantity), true),
      setQuantity: (productId, quantity) => change((id) => cartApi.setQuantity(id, productId, quantity), false),
      remove: (productId) => change((id) => cartApi.removeItem(id, productId), false),
      reload,
    };
  }, [state, userId, status, change, reload]);

  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): Cart {
  const cart = useContext(CartContext);
  if (!cart) throw new Error('useCart must be used inside <CartProvider>');
  return cart;
}
