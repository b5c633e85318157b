import { apiRequest } from './http.ts';
import type { CheckoutAccepted, Order, OrderPage, ShippingAddress } from './types.ts';

export interface CheckoutRequest {
  readonly shippingAddress: ShippingAddress;
  readonly paymentToken: string;
}

/** `POST /api/checkout` answers 202 while the saga runs, or 200 with the order when it finished quickly. */
export type CheckoutResult = CheckoutAccepted | Order;

/** The id of the order a checkout created, whichever of its two answers came back. */
export function orderIdOf(result: CheckoutResult): string {
  return 'orderId' in result ? result.orderId : result.id;
}

export const ordersApi = {
  checkout: (body: CheckoutRequest, idempotencyKey: string) =>
    apiRequest<CheckoutResult>('/api/checkout', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } }),
  list: (cursor: string | undefined, signal?: AbortSignal) =>
    apiRequest<OrderPage>(`/api/orders${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { signal }),
  get: (id: string, signal?: AbortSignal) => apiRequest<Order>(`/api/orders/${encodeURIComponent(id)}`, { signal }),
};
