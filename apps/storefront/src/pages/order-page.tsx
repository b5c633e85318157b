import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Order } from '../api/types.ts';
import { ordersApi } from '../api/orders.api.ts';
import { ApiError } from '../api/problem.ts';
import { useCart } from '../cart/cart-context.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { Loading } from '../components/loading.tsx';
import { OrderLines, OrderProgress, ShippingTo } from '../components/order-details.tsx';
import { isFinalStatus, OrderStatusBadge } from '../components/order-status.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useResource } from '../hooks/use-resource.ts';
import { useSubmit } from '../hooks/use-submit.ts';
import NotFoundPage from './not-found-page.tsx';

/** How often a running order is read again until it is CONFIRMED or CANCELLED. */
export const ORDER_POLL_MS = 1_000;

/** After a cancellation the cart is already empty (it empties when the order is placed): one click fills it again. */
function BuyAgain({ order }: { readonly order: Order }) {
  const cart = useCart();
  const navigate = useNavigate();
  const submission = useSubmit();
  return (
    <div>
      <button
        type="button"
        className="button secondary"
        disabled={submission.pending}
        onClick={() =>
          submission.submit(
            () => order.lines.reduce((previous, line) => previous.then(() => cart.add(line.productId, line.quantity)), Promise.resolve()),
            { onSuccess: () => void navigate('/cart'), leavesPage: true },
          )
        }
      >
        {submission.pending ? 'Adding…' : 'Put these items back in your cart'}
      </button>
      {submission.error ? <ErrorMessage error={submission.error} /> : null}
    </div>
  );
}

/** One order, followed live while the checkout saga runs. */
export default function OrderPage() {
  const { id = '' } = useParams();
  const order = useResource(`order:${id}`, (signal) => ordersApi.get(id, signal), {
    pollMs: (data) => (data && !isFinalStatus(data.status) ? ORDER_POLL_MS : undefined),
  });
  const current = order.data;
  const done = current !== undefined && isFinalStatus(current.status);
  useDocumentTitle(current ? `Order ${current.id}` : 'Order');

  const { reload: reloadCart } = useCart();
  useEffect(() => {
    // The cart empties on order.placed, a moment after checkout answers; read it again once the order settles.
    if (done) void reloadCart();
  }, [done, reloadCart]);

  if (order.loading) return <Loading label="Loading your order…" />;
  if (order.error instanceof ApiError && order.error.status === 404) return <NotFoundPage what="order" />;
  if (!current) return <ErrorMessage error={order.error} onRetry={order.reload} />;

  return (
    <div className="page">
      <p>
        <Link to="/orders">← All orders</Link>
      </p>
      <h1>
        Order <span className="mono">{current.id}</span>
      </h1>
      <p aria-live="polite" className="order-status-line">
        Status: <OrderStatusBadge status={current.status} />
        {!done ? <span className="muted"> — updating live</span> : null}
      </p>
      <OrderProgress order={current} />
      {current.status === 'CANCELLED' ? <BuyAgain order={current} /> : null}
      {order.error ? <ErrorMessage error={order.error} /> : null}
      <h2>Items</h2>
      <OrderLines order={current} />
      <h2>Shipping to</h2>
      <ShippingTo order={current} />
    </div>
  );
}
