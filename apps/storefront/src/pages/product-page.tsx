import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { catalogApi } from '../api/catalog.api.ts';
import { inventoryApi } from '../api/inventory.api.ts';
import { ApiError } from '../api/problem.ts';
import type { Availability, ProductAttributes } from '../api/types.ts';
import { useCart } from '../cart/cart-context.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { Loading } from '../components/loading.tsx';
import { Price } from '../components/price.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useResource } from '../hooks/use-resource.ts';
import NotFoundPage from './not-found-page.tsx';

/** How often stock is read again while the page is open. */
export const AVAILABILITY_POLL_MS = 5_000;
const MAX_QUANTITY = 99;

function attributeLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function attributeValue(value: ProductAttributes[string]): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

function AvailabilityPanel({ availability }: { readonly availability: Availability | undefined }) {
  if (!availability) return <Loading label="Checking stock…" />;
  return (
    <div className="availability">
      <p className={availability.available > 0 ? 'in-stock' : 'sold-out'}>
        {availability.available > 0 ? `${availability.available} in stock` : 'Sold out'}
      </p>
      {availability.warehouses.length > 0 ? (
        <table className="compact-table">
          <caption>Stock by warehouse</caption>
          <thead>
            <tr>
              <th scope="col">Warehouse</th>
              <th scope="col">Available</th>
            </tr>
          </thead>
          <tbody>
            {availability.warehouses.map((warehouse) => (
              <tr key={warehouse.warehouseId}>
                <td>{warehouse.name}</td>
                <td>{warehouse.available}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** One product: its facts, live stock per warehouse, and adding it to the cart. */
export default function ProductPage() {
  const { id = '' } = useParams();
  const product = useResource(`product:${id}`, (signal) => catalogApi.getProduct(id, signal));
  const sku = product.data?.sku;
  const availability = useResource(sku ? `stock:${sku}` : null, (signal) => inventoryApi.availability(sku ?? '', signal), { pollMs: AVAILABILITY_POLL_MS });
  const cart = useCart();
  const [quantityText, setQuantityText] = useState('1');
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; message: string } | { ok: false; error: unknown } | null>(null);
  useDocumentTitle(product.data?.name);

  if (product.loading) return <Loading label="Loading product…" />;
  if (product.error instanceof ApiError && product.error.status === 404) return <NotFoundPage what="product" />;
  if (product.error || !product.data) return <ErrorMessage error={product.error} onRetry={product.reload} />;

  const item = product.data;
  const soldOut = availability.data?.available === 0;
  const attributes = Object.entries(item.attributes);

  return (
    <div className="page product-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Home</Link> <span aria-hidden="true">/</span> <Link to={`/categories/${item.category.slug}`}>{item.category.name}</Link>
      </nav>
      <div className="product-detail">
        <div className="product-art large" aria-hidden="true">
          {item.name.slice(0, 1)}
        </div>
        <div className="product-info">
          <h1>{item.name}</h1>
          <p className="sku">SKU {item.sku}</p>
          <Price minor={item.priceMinor} currency={item.currency} className="price large" />
          <section aria-label="Availability" aria-live="polite">
            {availability.error && !availability.data ? <ErrorMessage error={availability.error} /> : <AvailabilityPanel availability={availability.data} />}
          </section>
          <form
            className="add-to-cart"
            onSubmit={(event) => {
              event.preventDefault();
              const quantity = Number(quantityText);
              if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
                setOutcome({ ok: false, error: new ApiError({ title: `Choose a quantity from 1 to ${MAX_QUANTITY}.`, status: 400 }) });
                return;
              }
              setAdding(true);
              setOutcome(null);
              cart.add(item.id, quantity).then(
                () => setOutcome({ ok: true, message: `Added ${quantity} × ${item.name} to your cart.` }),
                (error: unknown) => setOutcome({ ok: false, error }),
              ).finally(() => setAdding(false));
            }}
          >
            <div className="field quantity">
              <label htmlFor="quantity">Quantity</label>
              <input
                id="quantity"
                type="number"
                min={1}
                max={MAX_QUANTITY}
                required
                value={quantityText}
                onChange={(event) => setQuantityText(event.target.value)}
              />
            </div>
            <button type="submit" className="button primary" disabled={adding || soldOut}>
              {adding ? 'Adding…' : soldOut ? 'Sold out' : 'Add to cart'}
            </button>
          </form>
          <div aria-live="polite">
            {outcome?.ok ? (
              <p className="notice success">
                {outcome.message} <Link to="/cart">View cart</Link>
              </p>
            ) : null}
          </div>
          {outcome && !outcome.ok ? <ErrorMessage error={outcome.error} /> : null}
          <p className="description">{item.description}</p>
          {attributes.length > 0 ? (
            <section aria-labelledby="details-title">
              <h2 id="details-title">Details</h2>
              <dl className="attributes">
                {attributes.map(([key, value]) => (
                  <div key={key}>
                    <dt>{attributeLabel(key)}</dt>
                    <dd>{attributeValue(value)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
