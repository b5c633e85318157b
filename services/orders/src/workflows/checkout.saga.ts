import type { Outbox } from '@bazaar/platform/messaging';
import { defineSaga } from '@bazaar/platform/workflow';
import { OrderCancelledMessage } from '../contract/order.messages.ts';
import type { OrdersTables } from '../store/orders.tables.ts';
import { authorizePaymentStep } from './authorize-payment.step.ts';
import { capturePaymentStep } from './capture-payment.step.ts';
import type { CheckoutData, CheckoutTimeouts } from './checkout-data.ts';
import { confirmOrderStep } from './confirm-order.step.ts';
import { appendToOrder } from './order-writer.ts';
import { reserveStockStep } from './reserve-stock.step.ts';

export const CHECKOUT_SAGA = 'checkout';

/** The checkout: reserve stock → authorize payment → confirm order → capture payment; undos run in reverse. */
export function checkoutSaga(outbox: Outbox, timeouts: CheckoutTimeouts) {
  return defineSaga<CheckoutData, OrdersTables>({
    name: CHECKOUT_SAGA,
    steps: [reserveStockStep(timeouts), authorizePaymentStep(timeouts), confirmOrderStep(outbox), capturePaymentStep(timeouts)],
    async onCompleted(trx, saga) {
      await appendToOrder(trx, saga.id, (order) => (order.captured ? [] : [{ type: 'PaymentCaptured', paymentId: saga.data.paymentId ?? '' }]));
    },
    async onFailed(trx, saga) {
      // A confirmed order whose capture failed stays confirmed: cancelling would contradict what the buyer was told.
      const order = await appendToOrder(trx, saga.id, (current) =>
        current.status === 'CONFIRMED' || current.status === 'CANCELLED' ? [] : [{ type: 'OrderCancelled', reason: saga.reason }],
      );
      if (order.status !== 'CANCELLED' || order.cancelReason !== saga.reason) return;
      await outbox.write(trx, OrderCancelledMessage.create(
          { orderId: order.id, userId: order.userId, ...(order.email !== null && { email: order.email }), totalMinor: order.totalMinor, currency: order.currency, reason: saga.reason },
          { correlationId: order.id },
        ));
    },
  });
}
