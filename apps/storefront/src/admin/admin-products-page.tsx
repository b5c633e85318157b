import { useState } from 'react';
import { Link } from 'react-router';
import type { Product } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { EmptyState, Loading } from '../components/loading.tsx';
import { Price } from '../components/price.tsx';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useProductListing } from '../hooks/use-product-listing.ts';

const COLUMNS: readonly Column<Product>[] = [
  { header: 'Name', cell: (product) => <Link to={`/admin/products/${product.id}`}>{product.name}</Link> },
  { header: 'SKU', cell: (product) => product.sku, className: 'mono' },
  { header: 'Category', cell: (product) => product.category.name },
  { header: 'Price', cell: (product) => <Price minor={product.priceMinor} currency={product.currency} /> },
  {
    header: 'Actions',
    hideHeader: true,
    cell: (product) => (
      <Link to={`/admin/stock/${product.sku}`} aria-label={`Stock of ${product.name}`}>
        Stock
      </Link>
    ),
  },
];

/** Every product, searchable, with links to edit it and its stock. */
export default function AdminProductsPage() {
  useDocumentTitle('Admin: products');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const listing = useProductListing(q ? { q, sort: 'relevance', limit: 50 } : { sort: 'newest', limit: 50 });

  return (
    <div className="page">
      <div className="title-row">
        <h1>Products</h1>
        <Link to="/admin/products/new" className="button primary">
          New product
        </Link>
      </div>
      <div className="field inline">
        <label htmlFor="admin-product-search">Find products</label>
        <input id="admin-product-search" type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="Name, brand, description…" />
      </div>
      {listing.loading ? (
        <Loading label="Loading products…" />
      ) : listing.error && listing.products.length === 0 ? (
        <ErrorMessage error={listing.error} onRetry={listing.reload} />
      ) : listing.products.length === 0 ? (
        <EmptyState title="No products found" />
      ) : (
        <DataTable caption="Products" columns={COLUMNS} rows={listing.products} rowKey={(product) => product.id} />
      )}
      {listing.hasMore && !listing.loading ? (
        <div className="load-more">
          <button type="button" className="button secondary" onClick={listing.loadMore} disabled={listing.loadingMore}>
            {listing.loadingMore ? 'Loading…' : 'Show more'}
          </button>
        </div>
      ) : null}
    </div>
  );
}

