import type { Order, OrderSummary } from '../contract/order.schemas.ts';
import { OrdersPaths } from '../contract/orders.paths.ts';
import type { OrderState } from '../domain/order.state.ts';
import type { OrderHistoryRow } from '../store/order-history.repository.ts';

export const statusUrlOf = (orderId: string): string => OrdersPaths.order.replace(':id', orderId);

/** The order as its owner sees it. */
export function toOrderView(order: OrderState): Order {
  return {
    id: order.id,
    userId: order.userId,
    status: order.status,
    lines: [...order.lines],
    totalMinor: order.totalMinor,
    currency: order.currency,
    shippingAddress: order.shippingAddress,
    cancelReason: order.cancelReason,
    statusUrl: statusUrlOf(order.id),
  };
}

export function toOrderSummary(row: OrderHistoryRow): OrderSummary {
  return {
    id: row.id,
    userId: row.user_id,
    status: row.status,
    totalMinor: row.total_minor,
    currency: row.currency,
    linesCount: row.lines_count,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
