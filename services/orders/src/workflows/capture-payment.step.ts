import { defineStep } from '@bazaar/platform/workflow';
import { CapturePaymentCommand } from '@bazaar/payments/contract';
import { paymentSucceeded } from './authorize-payment.step.ts';
import { reasonOf, type CheckoutData, type CheckoutTimeouts } from './checkout-data.ts';

/** Captures the authorized amount; the last step, so nothing after it can fail and it has no undo. */
export function capturePaymentStep(timeouts: CheckoutTimeouts) {
  return defineStep<CheckoutData>({
    id: 'capture-payment',
    doc: 'Captures the authorized amount at payments.',
    timeoutMs: timeouts.stepMs,
    command: (order) => ({ type: CapturePaymentCommand.type, payload: { orderId: order.orderId } }),
    onReply: (_order, reply) => (paymentSucceeded(reply, 'captured') ? { ok: true } : { ok: false, reason: reasonOf(reply) }),
  });
}
