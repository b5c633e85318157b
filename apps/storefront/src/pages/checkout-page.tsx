import { useState, type ChangeEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { orderIdOf, ordersApi, type CheckoutRequest } from '../api/orders.api.ts';
import type { ShippingAddress } from '../api/types.ts';
import { useCart } from '../cart/cart-context.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { Field } from '../components/field.tsx';
import { EmptyState, Loading } from '../components/loading.tsx';
import { Price } from '../components/price.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useIdempotencyKey } from '../hooks/use-idempotency-key.ts';
import { useSubmit } from '../hooks/use-submit.ts';

export const TEST_CARDS = [
  { token: 'tok_visa', label: 'Visa test card (approves)' },
  { token: 'tok_chargeDeclined', label: 'Declined test card' },
] as const;

const COUNTRIES = [
  ['NL', 'Netherlands'],
  ['US', 'United States'],
  ['GB', 'United Kingdom'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['BE', 'Belgium'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
  ['CA', 'Canada'],
  ['JP', 'Japan'],
] as const;

const ADDRESS_FIELDS = ['name', 'line1', 'city', 'postalCode', 'country'] as const;

/** The shipping address, a test card, and one idempotent request that places the order. */
export default function CheckoutPage() {
  useDocumentTitle('Checkout');
  const cart = useCart();
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const [address, setAddress] = useState<ShippingAddress>({ name: '', line1: '', city: '', postalCode: '', country: 'NL' });
  const [paymentToken, setPaymentToken] = useState<string>(TEST_CARDS[0].token);
  const submission = useSubmit();

  if (cart.loading) return <Loading label="Loading your cart…" />;
  const items = cart.cart?.items ?? [];
  if (items.length === 0) {
    return (
      <div className="page">
        <h1>Checkout</h1>
        <EmptyState title="Your cart is empty">
          <p>
            <Link to="/">Find something to buy</Link>
          </p>
        </EmptyState>
      </div>
    );
  }

  const update = (name: keyof ShippingAddress) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setAddress({ ...address, [name]: event.target.value });

  const placeOrder = () => {
    const request: CheckoutRequest = {
      shippingAddress: {
        name: address.name.trim(),
        line1: address.line1.trim(),
        city: address.city.trim(),
        postalCode: address.postalCode.trim(),
        country: address.country,
      },
      paymentToken,
    };
    submission.submit(() => ordersApi.checkout(request, keyFor(request)), {
      onSuccess: (result) => {
        void cart.reload();
        void navigate(`/orders/${orderIdOf(result)}`);
      },
      leavesPage: true,
    });
  };

  return (
    <div className="page checkout">
      <h1>Checkout</h1>
      <div className="checkout-layout">
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            placeOrder();
          }}
        >
          {submission.error ? <ErrorMessage error={submission.error} shownFields={[...ADDRESS_FIELDS, 'paymentToken']} /> : null}
          <fieldset>
            <legend>Shipping address</legend>
            <Field label="Full name" autoComplete="name" required maxLength={200} value={address.name} onChange={update('name')} error={submission.fieldError('name')} />
            <Field label="Street and number" autoComplete="address-line1" required maxLength={200} value={address.line1} onChange={update('line1')} error={submission.fieldError('line1')} />
            <div className="field-row">
              <Field label="Postal code" autoComplete="postal-code" required maxLength={20} value={address.postalCode} onChange={update('postalCode')} error={submission.fieldError('postalCode')} />
              <Field label="City" autoComplete="address-level2" required maxLength={100} value={address.city} onChange={update('city')} error={submission.fieldError('city')} />
            </div>
            <div className="field">
              <label htmlFor="country">Country</label>
              <select id="country" autoComplete="country" value={address.country} onChange={update('country')}>
                {COUNTRIES.map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
          <fieldset>
            <legend>Payment</legend>
            <div className="field">
              <label htmlFor="payment-token">Card</label>
              <select id="payment-token" value={paymentToken} onChange={(event) => setPaymentToken(event.target.value)} aria-describedby="payment-hint">
                {TEST_CARDS.map((card) => (
                  <option key={card.token} value={card.token}>
                    {card.label}
                  </option>
                ))}
              </select>
              <p className="field-hint" id="payment-hint">
                This shop takes test cards only; no money moves.
              </p>
            </div>
          </fieldset>
          <button type="submit" className="button primary" disabled={submission.pending} aria-disabled={submission.pending}>
            {submission.pending ? 'Placing your order…' : 'Place order'}
          </button>
        </form>
        <aside className="order-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">Order summary</h2>
          <ul>
            {items.map((item) => (
              <li key={item.productId}>
                <span>
                  {item.quantity} × {item.name}
                </span>
                <Price minor={item.lineTotalMinor} currency={item.currency} />
              </li>
            ))}
          </ul>
          {cart.cart?.totals.map((total) => (
            <p key={total.currency} className="cart-total">
              Total <Price minor={total.totalMinor} currency={total.currency} className="price large" />
            </p>
          ))}
        </aside>
      </div>
    </div>
  );
}
