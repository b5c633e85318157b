const KEY = 'bazaar.cartId';

// Only the anonymous cart's id is kept in storage: it grants access to nothing but that cart, and it has to
// survive a reload. A signed-in shopper's cart is found by the access token, which is never stored.
export const anonymousCartId = {
  read(): string | null {
    try {
      return window.localStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  write(id: string): void {
    try {
      window.localStorage.setItem(KEY, id);
    } catch {
      // Storage can be disabled (private modes); the cart then lasts as long as the page.
    }
  },
  forget(): void {
    try {
      window.localStorage.removeItem(KEY);
    } catch {
      // Nothing was stored.
    }
  },
};
