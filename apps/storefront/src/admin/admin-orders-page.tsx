import { ordersApi } from '../api/orders.api.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { EmptyState, Loading } from '../components/loading.tsx';
import { useCursorPages } from '../hooks/use-cursor-pages.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { OrdersTable } from '../pages/orders-page.tsx';
import { LoadMore } from '../components/load-more.tsx';

/** Every customer's orders (the orders service answers an admin with all of them). */
export default function AdminOrdersPage() {
  useDocumentTitle('Admin: orders');
  const orders = useCursorPages('admin-orders', ordersApi.list);
  return (
    <div className="page">
      <div className="title-row">
        <h1>Orders</h1>
        <button type="button" className="button secondary" onClick={orders.reload}>
          Refresh
        </button>
      </div>
      {orders.loading ? (
        <Loading label="Loading orders…" />
      ) : orders.error && orders.items.length === 0 ? (
        <ErrorMessage error={orders.error} onRetry={orders.reload} />
      ) : orders.items.length === 0 ? (
        <EmptyState title="No orders yet" />
      ) : (
        <>
          <OrdersTable orders={orders.items} basePath="/admin/orders" showCustomer />
          <LoadMore pages={orders} label="Show older orders" />
        </>
      )}
    </div>
  );
}
