import { apiRequest } from './http.ts';
import type { CartView } from './types.ts';

/** Names an anonymous cart; a signed-in shopper's cart is found by the access token instead. */
function cartHeaders(anonymousCartId: string | null): Record<string, string> {
  return anonymousCartId ? { 'x-cart-id': anonymousCartId } : {};
}

export const cartApi = {
  create: () => apiRequest<{ id: string }>('/api/cart', { method: 'POST', body: {} }),
  get: (cartId: string | null, signal?: AbortSignal) => apiRequest<CartView>('/api/cart', { headers: cartHeaders(cartId), signal }),
  addItem: (cartId: string | null, productId: string, quantity: number) =>
    apiRequest<CartView>('/api/cart/items', { method: 'POST', body: { productId, quantity }, headers: cartHeaders(cartId) }),
  setQuantity: (cartId: string | null, productId: string, quantity: number) =>
    apiRequest<CartView>(`/api/cart/items/${encodeURIComponent(productId)}`, { method: 'PATCH', body: { quantity }, headers: cartHeaders(cartId) }),
  removeItem: (cartId: string | null, productId: string) =>
    apiRequest<CartView>(`/api/cart/items/${encodeURIComponent(productId)}`, { method: 'DELETE', headers: cartHeaders(cartId) }),
  merge: (cartId: string) => apiRequest<CartView>('/api/cart/merge', { method: 'POST', body: { cartId } }),
};
