import { defineStep } from '@bazaar/platform/workflow';
import { CapturePaymentCommand } from '@bazaar/payments/contract';
import { paymentSucceeded } from './authorize-payment.step.ts';
import { reasonOf, type CheckoutData, type CheckoutTimeouts } from './checkout-data.ts';

/**
 * Captures the authorized amount. The order is already confirmed when this runs, so a missing reply (the
 * provider down for longer than the step's wait) sends the capture again rather than undoing a confirmed
 * order; payments captures at most once per order.
 */
export function capturePaymentStep(timeouts: CheckoutTimeouts) {
  return defineStep<CheckoutData>({
    id: 'capture-payment',
    doc: 'Captures the authorized amount at payments.',
    timeoutMs: timeouts.stepMs,
    retryUntilDone: true,
    command: (order) => ({ type: CapturePaymentCommand.type, payload: { orderId: order.orderId } }),
    onReply: (_order, reply) => (paymentSucceeded(reply, 'captured') ? { ok: true } : { ok: false, reason: reasonOf(reply) }),
  });
}
