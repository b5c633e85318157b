/** The paths catalog serves; the gateway exposes them unchanged. */
export const CatalogPaths = {
  products: '/api/products',
  product: '/api/products/:id',
  categories: '/api/categories',
} as const;
