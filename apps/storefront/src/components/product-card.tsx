import { Link } from 'react-router';
import type { Product } from '../api/types.ts';
import { Price } from './price.tsx';

/** A product in a grid: its name is the link, so the card reads as one item to a screen reader. */
export function ProductCard({ product }: { readonly product: Product }) {
  const brand = typeof product.attributes['brand'] === 'string' ? product.attributes['brand'] : undefined;
  return (
    <li className="product-card">
      <div className="product-art" aria-hidden="true">
        {product.name.slice(0, 1)}
      </div>
      <h3 className="product-name">
        <Link to={`/products/${product.id}`}>{product.name}</Link>
      </h3>
      <p className="product-meta">{brand ? `${brand} · ${product.category.name}` : product.category.name}</p>
      <Price minor={product.priceMinor} currency={product.currency} />
    </li>
  );
}

export function ProductGrid({ products, label }: { readonly products: readonly Product[]; readonly label: string }) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ul>
  );
}
