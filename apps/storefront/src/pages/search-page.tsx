import { useSearchParams } from 'react-router';
import { searchListing } from '../app/page-data.ts';
import { EmptyState } from '../components/loading.tsx';
import { ProductListingView } from '../components/product-listing.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useProductListing } from '../hooks/use-product-listing.ts';
import { STORE_CURRENCY } from '../lib/store.ts';
import { ListingFilters } from './listing-filters.tsx';

/** Full-text search results; the header's search field drives `?q=` as the shopper types. */
export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const { q, filters, query } = searchListing(params);
  const listing = useProductListing(query);
  useDocumentTitle(q ? `Search: ${q}` : 'Search');

  return (
    <div className="page">
      <h1>{q ? <>Results for “{q}”</> : 'Search'}</h1>
      {q ? (
        <div className="listing-layout">
          <ListingFilters
            key={`${filters.minPrice}-${filters.maxPrice}`}
            filters={filters}
            currency={STORE_CURRENCY}
            onChange={(next) => {
              const query = new URLSearchParams({ q });
              if (next.sort !== 'relevance') query.set('sort', next.sort);
              if (next.minPrice !== undefined) query.set('minPrice', String(next.minPrice));
              if (next.maxPrice !== undefined) query.set('maxPrice', String(next.maxPrice));
              setParams(query, { replace: true });
            }}
          />
          <section aria-label="Search results" className="listing">
            <ProductListingView listing={listing} label="Search results" emptyTitle={`Nothing matches “${q}”`} />
          </section>
        </div>
      ) : (
        <EmptyState title="Type in the search field to find products." />
      )}
    </div>
  );
}
