import type { ProductListing } from '../hooks/use-product-listing.ts';
import { ErrorMessage } from './error-message.tsx';
import { EmptyState, Loading } from './loading.tsx';
import { ProductGrid } from './product-card.tsx';
import { LoadMore } from './load-more.tsx';

interface Props {
  readonly listing: ProductListing;
  readonly label: string;
  readonly emptyTitle: string;
}

/** A listing's states: loading, failed, empty, or the grid with a button for the next page. */
export function ProductListingView({ listing, label, emptyTitle }: Props) {
  if (listing.loading) return <Loading label="Loading products…" />;
  if (listing.error && listing.products.length === 0) return <ErrorMessage error={listing.error} onRetry={listing.reload} />;
  if (listing.products.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <>
      <p className="result-count" role="status">
        Showing {listing.products.length} {listing.products.length === 1 ? 'product' : 'products'}
        {listing.hasMore ? ' (more available)' : ''}
      </p>
      <h2 className="visually-hidden">{label}</h2>
      <ProductGrid products={listing.products} label={label} />
      {listing.moreError ? <ErrorMessage error={listing.moreError} /> : null}
      <LoadMore pages={listing} label="Show more" />
    </>
  );
}
