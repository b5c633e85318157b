import { Link } from 'react-router';
import { ordersApi } from '../api/orders.api.ts';
import type { OrderSummary } from '../api/types.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { EmptyState, Loading } from '../components/loading.tsx';
import { OrderStatusBadge } from '../components/order-status.tsx';
import { Price } from '../components/price.tsx';
import { useCursorPages } from '../hooks/use-cursor-pages.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { LoadMore } from '../components/load-more.tsx';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A table of orders, newest first, each linking to its page (`basePath` differs for the admin console). */
export function OrdersTable({ orders, basePath, showCustomer = false }: { orders: readonly OrderSummary[]; basePath: string; showCustomer?: boolean }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Placed</th>
            {showCustomer ? <th scope="col">Customer</th> : null}
            <th scope="col">Items</th>
            <th scope="col">Total</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td>
                <Link to={`${basePath}/${order.id}`} className="mono">
                  {order.id}
                </Link>
              </td>
              <td>{dateFormat.format(new Date(order.createdAt))}</td>
              {showCustomer ? <td className="mono">{order.userId}</td> : null}
              <td>{order.linesCount}</td>
              <td>
                <Price minor={order.totalMinor} currency={order.currency} />
              </td>
              <td>
                <OrderStatusBadge status={order.status} />
                {order.cancelReason ? <span className="muted"> ({order.cancelReason})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The shopper's order history. */
export default function OrdersPage() {
  useDocumentTitle('Your orders');
  const orders = useCursorPages('orders', ordersApi.list);

  return (
    <div className="page">
      <h1>Your orders</h1>
      {orders.loading ? (
        <Loading label="Loading your orders…" />
      ) : orders.error && orders.items.length === 0 ? (
        <ErrorMessage error={orders.error} onRetry={orders.reload} />
      ) : orders.items.length === 0 ? (
        <EmptyState title="No orders yet">
          <p>
            <Link to="/">Go shopping</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <OrdersTable orders={orders.items} basePath="/orders" />
          <LoadMore pages={orders} label="Show older orders" />
        </>
      )}
    </div>
  );
}
