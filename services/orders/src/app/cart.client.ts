import type { CartView } from '@bazaar/cart/contract';
import { AppError, PlatformErrors } from '@bazaar/platform/errors';
import { createServiceClient, type Discovery } from '@bazaar/platform/http';
import type { CartLine, CartReader } from '../contract/cart-reader.ts';

/**
 * Reads the buyer's cart from the cart service over HTTP. The buyer's own access token is relayed, so the
 * cart service authorizes the read exactly as it would the buyer's own request.
 */
export function createCartClient(discovery: Discovery, options: { timeoutMs?: number } = {}): CartReader & { close(): Promise<void> } {
  const client = createServiceClient({ service: 'cart', discovery, caller: 'orders', timeoutMs: options.timeoutMs ?? 2_000 });
  return {
    async read(_userId, credentials) {
      const response = await client.request<CartView>({ method: 'GET', path: '/api/cart', headers: { authorization: credentials.authorization } });
      if (response.status === 404) return [];
      if (response.status !== 200) throw new AppError(PlatformErrors.BAD_GATEWAY, `cart answered ${response.status} to the checkout's cart read`);
      return response.body.items.map(
        (item): CartLine => ({
          productId: item.productId,
          sku: item.sku,
          name: item.name,
          quantity: item.quantity,
          unitPriceMinor: item.priceMinor,
          currency: item.currency,
        }),
      );
    },
    close: () => client.close(),
  };
}
