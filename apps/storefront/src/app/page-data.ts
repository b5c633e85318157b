import { matchPath } from 'react-router';
import { catalogPaths, type ProductQuery } from '../api/catalog.api.ts';
import { readFilters, type Filters } from '../pages/listing-filters.tsx';

/** The newest arrivals on the home page. */
export const FEATURED_QUERY: ProductQuery = { sort: 'newest', limit: 8 };

/** What a listing page reads from its address: the filters it shows, and the query for its products (null: none yet). */
export interface ListingAddress {
  readonly filters: Filters;
  readonly query: ProductQuery | null;
}

/** A category page: newest first unless the address says otherwise. */
export function categoryListing(slug: string, params: URLSearchParams): ListingAddress {
  const filters = readFilters(params, 'newest');
  return { filters, query: { category: slug, ...filters } };
}

/** The search page: best match first; no query while nothing is searched for. */
export function searchListing(params: URLSearchParams): ListingAddress & { readonly q: string } {
  const q = (params.get('q') ?? '').trim();
  const filters = readFilters(params, 'relevance');
  return { q, filters, query: q ? { q, ...filters } : null };
}

const listingPaths = ({ query }: ListingAddress) => (query ? [catalogPaths.products(query)] : []);

type PageData = (params: Readonly<Record<string, string | undefined>>, search: URLSearchParams) => readonly string[];

// The catalog pages a shopper lands on, and the public reads each makes first (built by the same functions the pages use).
const CATALOG_PAGES: readonly { readonly pattern: string; readonly data: PageData }[] = [
  { pattern: '/', data: () => [catalogPaths.categories, catalogPaths.products(FEATURED_QUERY)] },
  { pattern: '/categories/:slug', data: ({ slug = '' }, search) => [catalogPaths.categories, ...listingPaths(categoryListing(slug, search))] },
  { pattern: '/search', data: (_params, search) => listingPaths(searchListing(search)) },
  { pattern: '/products/:id', data: ({ id = '' }) => [catalogPaths.product(id)] },
];

/** The catalog reads the page at this address will make as soon as it renders. */
export function pageDataPaths(location: { readonly pathname: string; readonly search: string }): readonly string[] {
  for (const page of CATALOG_PAGES) {
    const match = matchPath(page.pattern, location.pathname);
    if (match) return page.data(match.params, new URLSearchParams(location.search));
  }
  return [];
}
