import { Link } from 'react-router';
import { catalogApi } from '../api/catalog.api.ts';
import { FEATURED_QUERY } from '../app/page-data.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { EmptyState, Loading } from '../components/loading.tsx';
import { ProductGrid } from '../components/product-card.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useResource } from '../hooks/use-resource.ts';

/** Categories to browse and the newest arrivals. */
export default function HomePage() {
  useDocumentTitle(undefined);
  const categories = useResource('categories', (signal) => catalogApi.listCategories(signal));
  const featured = useResource('featured', (signal) => catalogApi.listProducts(FEATURED_QUERY, signal));

  return (
    <div className="page">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Everything, from everyone</h1>
        <p>Browse a few hundred things people actually use. Checkout takes one click and a test card.</p>
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title">Shop by category</h2>
        {categories.loading ? (
          <Loading label="Loading categories…" />
        ) : categories.error ? (
          <ErrorMessage error={categories.error} onRetry={categories.reload} />
        ) : categories.data && categories.data.length > 0 ? (
          <ul className="category-grid">
            {categories.data.map((category) => (
              <li key={category.id}>
                <Link to={`/categories/${category.slug}`} className="category-card">
                  <span className="category-name">{category.name}</span>
                  <span className="category-count">{category.productCount} products</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No categories yet" />
        )}
      </section>

      <section aria-labelledby="featured-title">
        <h2 id="featured-title">New arrivals</h2>
        {featured.loading ? (
          <Loading label="Loading products…" />
        ) : featured.error ? (
          <ErrorMessage error={featured.error} onRetry={featured.reload} />
        ) : featured.data && featured.data.items.length > 0 ? (
          <ProductGrid products={featured.data.items} label="New arrivals" />
        ) : (
          <EmptyState title="Nothing for sale yet" />
        )}
      </section>
    </div>
  );
}
