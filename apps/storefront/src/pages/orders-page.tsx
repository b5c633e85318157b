import { Link } from 'react-router';
import { ordersApi } from '../api/orders.api.ts';
import type { OrderSummary } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { EmptyState, Loading } from '../components/loading.tsx';
import { OrderStatusBadge } from '../components/order-status.tsx';
import { Price } from '../components/price.tsx';
import { useCursorPages } from '../hooks/use-cursor-pages.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { LoadMore } from '../components/load-more.tsx';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Whose order it is: only the admin console, which lists every customer's orders, shows it. */
const CUSTOMER_COLUMN: Column<OrderSummary> = { header: 'Customer', cell: (order) => order.userId, className: 'mono' };

/** A table of orders, newest first, each linking to its page (`basePath` differs for the admin console). */
export function OrdersTable({ orders, basePath, showCustomer = false }: { orders: readonly OrderSummary[]; basePath: string; showCustomer?: boolean }) {
  const columns: Column<OrderSummary>[] = [
    {
      header: 'Order',
      cell: (order) => (
        <Link to={`${basePath}/${order.id}`} className="mono">
          {order.id}
        </Link>
      ),
    },
    { header: 'Placed', cell: (order) => dateFormat.format(new Date(order.createdAt)) },
    ...(showCustomer ? [CUSTOMER_COLUMN] : []),
    { header: 'Items', cell: (order) => order.linesCount },
    { header: 'Total', cell: (order) => <Price minor={order.totalMinor} currency={order.currency} /> },
    {
      header: 'Status',
      cell: (order) => (
        <>
          <OrderStatusBadge status={order.status} />
          {order.cancelReason ? <span className="muted"> ({order.cancelReason})</span> : null}
        </>
      ),
    },
  ];
  return <DataTable caption="Orders" columns={columns} rows={orders} rowKey={(order) => order.id} />;
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
