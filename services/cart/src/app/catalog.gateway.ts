import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { isTransportError, type ServiceClient } from '@bazaar/platform/http';
import { CatalogPaths, type Product } from '@bazaar/catalog/contract';
import { CartErrors } from '../contract/cart.errors.ts';
import type { PriceSnapshot } from '../domain/cart.model.ts';

/** Catalog as cart sees it: the current price of a product. */
export interface CatalogGateway {
  /** The snapshot to put in a line; CART.UNKNOWN_PRODUCT or CART.CATALOG_UNAVAILABLE otherwise. */
  priceOf(productId: string): Promise<Result<PriceSnapshot>>;
}

export function createCatalogGateway(client: ServiceClient): CatalogGateway {
  return {
    async priceOf(productId) {
      let response;
      try {
        response = await client.request<Product>({ method: 'GET', path: CatalogPaths.product.replace(':id', encodeURIComponent(productId)) });
      } catch (error) {
        // A 5xx from catalog (after retries) or no answer at all: either way the price is unknown right now.
        if (isTransportError(error) || (AppError.is(error) && error.status >= 500)) {
          return fail(new AppError(CartErrors.CATALOG_UNAVAILABLE, undefined, { cause: error }));
        }
        throw error;
      }
      if (response.status === 404) return fail(new AppError(CartErrors.UNKNOWN_PRODUCT, `No product ${productId}`));
      if (response.status !== 200) throw new Error(`catalog answered a product lookup with ${response.status}: ${JSON.stringify(response.body)}`);
      const { id, sku, name, priceMinor, currency } = response.body;
      return ok({ productId: id, sku, name, priceMinor, currency });
    },
  };
}
