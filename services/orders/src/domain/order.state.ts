import type { OrderEvent, OrderLine, ShippingAddress } from './order.events.ts';

/** PENDING → RESERVED → AUTHORIZED → CONFIRMED, or CANCELLED from any state before CONFIRMED. */
export type OrderStatus = 'PENDING' | 'RESERVED' | 'AUTHORIZED' | 'CONFIRMED' | 'CANCELLED';

/** An order as its events say it is. */
export interface OrderState {
  readonly id: string;
  readonly userId: string;
  /** Where the order's news goes (see `OrderPlaced.email`). */
  readonly email: string | null;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly totalMinor: number;
  readonly currency: string;
  readonly shippingAddress: ShippingAddress;
  readonly idempotencyKey: string;
  readonly reservationId: string | null;
  readonly paymentId: string | null;
  readonly captured: boolean;
  readonly cancelReason: string | null;
  /** How many events the stream holds; the next one gets `version + 1`. */
  readonly version: number;
}

/** Why an event does not fit the order's current state, or the new state. */
export type Transition = { readonly ok: true; readonly state: OrderState } | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): Transition => ({ ok: false, reason });

/**
 * The order after `event`, or why it cannot happen. This is the only place the lifecycle is decided: capture only
 * after confirmation (which needs an authorization), nothing after cancellation, never cancelled once confirmed.
 */
export function transition(state: OrderState | undefined, event: OrderEvent): Transition {
  if (state === undefined) {
    if (event.type !== 'OrderPlaced') return refuse(`${event.type} before OrderPlaced`);
    return {
      ok: true,
      state: {
        id: event.orderId,
        userId: event.userId,
        email: event.email ?? null,
        status: 'PENDING',
        lines: event.lines,
        totalMinor: event.totalMinor,
        currency: event.currency,
        shippingAddress: event.shippingAddress,
        idempotencyKey: event.idempotencyKey,
        reservationId: null,
        paymentId: null,
        captured: false,
        cancelReason: null,
        version: 1,
      },
    };
  }
  const next = (changes: Partial<OrderState>): Transition => ({ ok: true, state: { ...state, ...changes, version: state.version + 1 } });
  const from = state.status;
  switch (event.type) {
    case 'OrderPlaced':
      return refuse('the order was placed already');
    case 'StockReserved':
      return from === 'PENDING' ? next({ status: 'RESERVED', reservationId: event.reservationId }) : refuse(`StockReserved in ${from}`);
    case 'PaymentAuthorized':
      return from === 'RESERVED' ? next({ status: 'AUTHORIZED', paymentId: event.paymentId }) : refuse(`PaymentAuthorized in ${from}`);
    case 'OrderConfirmed':
      return from === 'AUTHORIZED' ? next({ status: 'CONFIRMED' }) : refuse(`OrderConfirmed in ${from}`);
    case 'PaymentCaptured':
      if (from !== 'CONFIRMED') return refuse(`PaymentCaptured in ${from}`);
      if (state.captured) return refuse('the payment was captured already');
      if (state.paymentId !== event.paymentId) return refuse('PaymentCaptured for another payment than the authorized one');
      return next({ captured: true });
    case 'OrderCancelled':
      return from === 'CONFIRMED' || from === 'CANCELLED' ? refuse(`OrderCancelled in ${from}`) : next({ status: 'CANCELLED', cancelReason: event.reason });
  }
}

/** Folds a stream into the order; throws on a stream no valid history could have produced. */
export function foldOrder(events: readonly OrderEvent[]): OrderState | undefined {
  let state: OrderState | undefined;
  for (const event of events) {
    const result = transition(state, event);
    if (!result.ok) throw new Error(`Order stream is corrupt: ${result.reason}`);
    state = result.state;
  }
  return state;
}

/** True once nothing more can happen to the order's status. */
export function isFinal(status: OrderStatus): boolean {
  return status === 'CONFIRMED' || status === 'CANCELLED';
}
