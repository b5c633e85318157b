import type { OrderStatus } from '../api/types.ts';

const LABELS: Record<OrderStatus, string> = {
  PENDING: 'Pending',
  RESERVED: 'Stock reserved',
  AUTHORIZED: 'Payment authorized',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
};

export function isFinalStatus(status: OrderStatus): boolean {
  return status === 'CONFIRMED' || status === 'CANCELLED';
}

export function OrderStatusBadge({ status }: { readonly status: OrderStatus }) {
  return (
    <span className={`status status-${status.toLowerCase()}`} data-status={status}>
      {LABELS[status]}
    </span>
  );
}
