import { Link, useParams, useSearchParams } from 'react-router';
import { catalogApi } from '../api/catalog.api.ts';
import { categoryListing } from '../app/page-data.ts';
import { ProductListingView } from '../components/product-listing.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useProductListing } from '../hooks/use-product-listing.ts';
import { useResource } from '../hooks/use-resource.ts';
import { STORE_CURRENCY } from '../lib/store.ts';
import { ListingFilters } from './listing-filters.tsx';
import NotFoundPage from './not-found-page.tsx';

const CATEGORY_SORTS = ['newest', 'price_asc', 'price_desc', 'name'] as const;

/** One category's products, filtered by price and sorted; the filters live in the address so they can be shared. */
export default function CategoryPage() {
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const categories = useResource('categories', (signal) => catalogApi.listCategories(signal));
  const category = categories.data?.find((candidate) => candidate.slug === slug);
  const { filters, query } = categoryListing(slug, params);
  const listing = useProductListing(query);
  useDocumentTitle(category?.name);

  if (categories.data && !category) return <NotFoundPage what="category" />;

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Home</Link> <span aria-hidden="true">/</span> {category?.name ?? slug}
      </nav>
      <h1>{category?.name ?? 'Products'}</h1>
      {category?.description ? <p className="lead">{category.description}</p> : null}
      <div className="listing-layout">
        <ListingFilters
          // Remount when the address changes so the price inputs show what is applied.
          key={`${filters.minPrice}-${filters.maxPrice}`}
          filters={filters}
          currency={STORE_CURRENCY}
          sorts={CATEGORY_SORTS}
          onChange={(next) => {
            const query = new URLSearchParams();
            if (next.sort !== 'newest') query.set('sort', next.sort);
            if (next.minPrice !== undefined) query.set('minPrice', String(next.minPrice));
            if (next.maxPrice !== undefined) query.set('maxPrice', String(next.maxPrice));
            setParams(query);
          }}
        />
        <section aria-label="Products" className="listing">
          <ProductListingView listing={listing} label={`${category?.name ?? 'Category'} products`} emptyTitle="No products match these filters" />
        </section>
      </div>
    </div>
  );
}
