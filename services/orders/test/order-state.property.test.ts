import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderEvent, OrderPlaced } from '../src/domain/order.events.ts';
import { foldOrder, transition, type OrderState } from '../src/domain/order.state.ts';

const placed: OrderPlaced = {
  type: 'OrderPlaced',
  orderId: 'ord_1',
  userId: 'usr_1',
  lines: [{ productId: 'prd_1', sku: 'SKU-1', name: 'Lamp', quantity: 2, unitPriceMinor: 1250, currency: 'USD' }],
  totalMinor: 2500,
  currency: 'USD',
  shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
  idempotencyKey: 'key-00000001',
};

const anyEvent: fc.Arbitrary<OrderEvent> = fc.oneof(
  fc.constant(placed),
  fc.constant({ type: 'StockReserved', reservationId: 'rsv_1' } as const),
  fc.constant({ type: 'PaymentAuthorized', paymentId: 'pay_1' } as const),
  fc.constant({ type: 'OrderConfirmed' } as const),
  fc.constantFrom('pay_1', 'pay_2').map((paymentId) => ({ type: 'PaymentCaptured', paymentId }) as const),
  fc.constant({ type: 'OrderCancelled', reason: 'payment declined' } as const),
);

function assertValid(state: OrderState): void {
  if (state.status === 'CANCELLED') {
    expect(state.cancelReason).not.toBeNull();
    expect(state.captured).toBe(false);
  } else {
    expect(state.cancelReason).toBeNull();
  }
  if (state.captured) {
    expect(state.status).toBe('CONFIRMED');
    expect(state.paymentId).not.toBeNull();
  }
  if (state.status === 'CONFIRMED' || state.status === 'AUTHORIZED') expect(state.paymentId).not.toBeNull();
  if (state.status !== 'PENDING' && state.status !== 'CANCELLED') expect(state.reservationId).not.toBeNull();
}

describe('the order state machine', () => {
  it('reaches no invalid state whatever events are offered, and never leaves a final status', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 30 }), (events) => {
        let state: OrderState | undefined;
        const accepted: OrderEvent[] = [];
        for (const event of events) {
          const result = transition(state, event);
          if (!result.ok) continue;
          if (state?.status === 'CANCELLED') throw new Error('an event was accepted after cancellation');
          if (state?.status === 'CONFIRMED') expect(result.state.status).toBe('CONFIRMED');
          if (event.type === 'PaymentCaptured') expect(state?.captured).toBe(false);
          state = result.state;
          accepted.push(event);
          assertValid(state);
          expect(state.version).toBe(accepted.length);
        }
        expect(foldOrder(accepted)).toEqual(state);
      }),
      { numRuns: 2_000 },
    );
  });

  it('confirms and captures along the happy path', () => {
    const state = foldOrder([
      placed,
      { type: 'StockReserved', reservationId: 'rsv_1' },
      { type: 'PaymentAuthorized', paymentId: 'pay_1' },
      { type: 'OrderConfirmed' },
      { type: 'PaymentCaptured', paymentId: 'pay_1' },
    ]);
    expect(state).toMatchObject({ status: 'CONFIRMED', captured: true, version: 5 });
  });

  it('refuses a capture without an authorization, a second capture and a confirmation after cancellation', () => {
    const pending = foldOrder([placed]);
    expect(transition(pending, { type: 'PaymentCaptured', paymentId: 'pay_1' }).ok).toBe(false);
    const cancelled = foldOrder([placed, { type: 'OrderCancelled', reason: 'out of stock' }]);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'out of stock' });
    expect(transition(cancelled, { type: 'OrderConfirmed' }).ok).toBe(false);
    const captured = foldOrder([
      placed,
      { type: 'StockReserved', reservationId: 'rsv_1' },
      { type: 'PaymentAuthorized', paymentId: 'pay_1' },
      { type: 'OrderConfirmed' },
      { type: 'PaymentCaptured', paymentId: 'pay_1' },
    ]);
    expect(transition(captured, { type: 'PaymentCaptured', paymentId: 'pay_1' }).ok).toBe(false);
    expect(transition(captured, { type: 'OrderCancelled', reason: 'late' }).ok).toBe(false);
  });

  it('refuses any event before the order is placed, and a second placement', () => {
    expect(transition(undefined, { type: 'OrderConfirmed' }).ok).toBe(false);
    expect(transition(foldOrder([placed]), placed).ok).toBe(false);
  });

  it('treats a stream that breaks the rules as corrupt', () => {
    expect(() => foldOrder([placed, { type: 'OrderConfirmed' }])).toThrow(/corrupt/);
  });
});
