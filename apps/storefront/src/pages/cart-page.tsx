import { useState } from 'react';
import { Link } from 'react-router';
import type { CartItem } from '../api/types.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useCart } from '../cart/cart-context.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { EmptyState, Loading } from '../components/loading.tsx';
import { Price } from '../components/price.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { loginPath } from '../app/login-path.ts';

const MAX_QUANTITY = 99;

function CartLine({ item, busy, onQuantity, onRemove }: { item: CartItem; busy: boolean; onQuantity(quantity: number): void; onRemove(): void }) {
  const id = `qty-${item.productId}`;
  return (
    <li className="cart-line">
      <div className="cart-line-name">
        <Link to={`/products/${item.productId}`}>{item.name}</Link>
        <span className="unit-price">
          <Price minor={item.priceMinor} currency={item.currency} /> each
        </span>
      </div>
      <div className="field quantity">
        <label htmlFor={id}>
          Quantity<span className="visually-hidden"> of {item.name}</span>
        </label>
        <select id={id} value={item.quantity} disabled={busy} onChange={(event) => onQuantity(Number(event.target.value))}>
          {Array.from({ length: Math.max(MAX_QUANTITY, item.quantity) }, (_, index) => index + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <Price minor={item.lineTotalMinor} currency={item.currency} className="price line-total" />
      <button type="button" className="link-button" disabled={busy} onClick={onRemove} aria-label={`Remove ${item.name}`}>
        Remove
      </button>
    </li>
  );
}

/** The cart: change quantities, remove lines, go to checkout. */
export default function CartPage() {
  useDocumentTitle('Cart');
  const cart = useCart();
  const auth = useAuth();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = (productId: string, action: Promise<void>) => {
    setBusy(productId);
    setError(null);
    action.catch((failure: unknown) => setError(failure)).finally(() => setBusy(null));
  };

  if (cart.loading) return <Loading label="Loading your cart…" />;
  const items = cart.cart?.items ?? [];

  return (
    <div className="page">
      <h1>Your cart</h1>
      {cart.error ? <ErrorMessage error={cart.error} onRetry={() => void cart.reload()} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {items.length === 0 ? (
        <EmptyState title="Your cart is empty">
          <p>
            <Link to="/">Start shopping</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="cart-lines" aria-label="Items in your cart">
            {items.map((item) => (
              <CartLine
                key={item.productId}
                item={item}
                busy={busy === item.productId}
                onQuantity={(quantity) => run(item.productId, cart.setQuantity(item.productId, quantity))}
                onRemove={() => run(item.productId, cart.remove(item.productId))}
              />
            ))}
          </ul>
          <div className="cart-summary">
            {cart.cart?.totals.map((total) => (
              <p key={total.currency} className="cart-total">
                Total ({total.quantity} {total.quantity === 1 ? 'item' : 'items'}): <Price minor={total.totalMinor} currency={total.currency} className="price large" />
              </p>
            ))}
            {auth.status === 'signed-in' ? (
              <Link to="/checkout" className="button primary">
                Check out
              </Link>
            ) : (
              <p>
                <Link to={loginPath('/checkout')} className="button primary">
                  Sign in to check out
                </Link>{' '}
                <Link to="/register?next=%2Fcheckout">Create an account</Link>
              </p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
