import { Link, useParams } from 'react-router';
import { ordersApi } from '../api/orders.api.ts';
import { ApiError } from '../api/problem.ts';
import type { Order } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { Loading } from '../components/loading.tsx';
import { OrderLines, OrderProgress, ShippingTo } from '../components/order-details.tsx';
import { isFinalStatus, OrderStatusBadge } from '../components/order-status.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useResource } from '../hooks/use-resource.ts';
import NotFoundPage from '../pages/not-found-page.tsx';
import { ORDER_POLL_MS } from '../pages/order-page.tsx';

const sagaRunning = (status: string | undefined) => status === 'running' || status === 'compensating';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

type SagaStep = NonNullable<Order['saga']>['steps'][number];

const SAGA_COLUMNS: readonly Column<SagaStep>[] = [
  { header: 'Step', cell: (step) => step.stepId, className: 'mono' },
  { header: 'Phase', cell: (step) => step.phase },
  { header: 'Status', cell: (step) => step.status },
  { header: 'Attempts', cell: (step) => step.attempts },
];

/** One order as the operator sees it: its event stream and the checkout saga's steps, live until it settles. */
export default function AdminOrderPage() {
  const { id = '' } = useParams();
  const order = useResource(`admin-order:${id}`, (signal) => ordersApi.get(id, signal), {
    // Compensations (release stock, void payment) may still run after the order shows CANCELLED.
    pollMs: (data) => (data && (!isFinalStatus(data.status) || sagaRunning(data.saga?.status)) ? ORDER_POLL_MS : undefined),
  });
  useDocumentTitle(`Admin: order ${id}`);

  if (order.loading) return <Loading label="Loading order…" />;
  if (order.error instanceof ApiError && order.error.status === 404) return <NotFoundPage what="order" />;
  if (!order.data) return <ErrorMessage error={order.error} onRetry={order.reload} />;
  const current = order.data;

  return (
    <div className="page">
      <p>
        <Link to="/admin/orders">← Orders</Link>
      </p>
      <h1>
        Order <span className="mono">{current.id}</span>
      </h1>
      <p aria-live="polite">
        Status: <OrderStatusBadge status={current.status} /> · customer <span className="mono">{current.userId}</span>
      </p>
      <OrderProgress order={current} />
      <div className="two-columns">
        <section aria-labelledby="events-title">
          <h2 id="events-title">Event history</h2>
          {current.events && current.events.length > 0 ? (
            <ol className="timeline">
              {current.events.map((event) => (
                <li key={event.version}>
                  <span className="mono">v{event.version}</span> <strong>{event.type}</strong> <span className="muted">{timeFormat.format(new Date(event.occurredAt))}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">No events recorded.</p>
          )}
        </section>
        <section aria-labelledby="saga-title">
          <h2 id="saga-title">Checkout saga</h2>
          {current.saga ? (
            <>
              <p>
                Saga {current.saga.status}
                {current.saga.currentStep ? (
                  <>
                    , at <span className="mono">{current.saga.currentStep}</span>
                  </>
                ) : null}
              </p>
              <DataTable caption="Checkout saga steps" columns={SAGA_COLUMNS} rows={current.saga.steps} rowKey={(step) => `${step.stepId}:${step.phase}`} />
            </>
          ) : (
            <p className="muted">No saga state.</p>
          )}
        </section>
      </div>
      <h2>Items</h2>
      <OrderLines order={current} />
      <h2>Shipping to</h2>
      <ShippingTo order={current} />
    </div>
  );
}
