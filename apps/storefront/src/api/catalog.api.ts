import { apiRequest } from './http.ts';
import type { Category, CreateProduct, Product, ProductPage, ProductSort, UpdateProduct } from './types.ts';

export interface ProductQuery {
  readonly q?: string | undefined;
  readonly category?: string | undefined;
  readonly minPrice?: number | undefined;
  readonly maxPrice?: number | undefined;
  readonly sort?: ProductSort | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** The query string of a listing, leaving out what is not set. */
export function productQueryString(query: ProductQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Where the catalog's public reads live: one spelling, so an answer started early is found by the page that asks. */
export const catalogPaths = {
  products: (query: ProductQuery) => `/api/products${productQueryString(query)}`,
  product: (id: string) => `/api/products/${encodeURIComponent(id)}`,
  categories: '/api/categories',
};

export const catalogApi = {
  listProducts: (query: ProductQuery, signal?: AbortSignal) => apiRequest<ProductPage>(catalogPaths.products(query), { signal }),
  getProduct: (id: string, signal?: AbortSignal) => apiRequest<Product>(catalogPaths.product(id), { signal }),
  listCategories: (signal?: AbortSignal) => apiRequest<Category[]>(catalogPaths.categories, { signal }),
  createProduct: (body: CreateProduct) => apiRequest<Product>('/api/products', { method: 'POST', body }),
  updateProduct: (id: string, body: UpdateProduct) => apiRequest<Product>(`/api/products/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  deleteProduct: (id: string) => apiRequest<void>(`/api/products/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
