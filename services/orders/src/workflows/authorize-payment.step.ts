import { defineStep } from '@bazaar/platform/workflow';
import { AuthorizePaymentCommand, PaymentSucceededReply, VoidPaymentCommand } from '@bazaar/payments/contract';
import { reasonOf, type CheckoutData, type CheckoutTimeouts } from './checkout-data.ts';

const succeeded = (reply: { type: string; payload: unknown }, operation: string) =>
  reply.type === PaymentSucceededReply.type && (reply.payload as { operation: string }).operation === operation;

/** Authorizes the order's total at payments; the undo voids the authorization. */
export function authorizePaymentStep(timeouts: CheckoutTimeouts) {
  return defineStep<CheckoutData>({
    id: 'authorize-payment',
    doc: "Authorizes the order's total on the buyer's card at payments.",
    timeoutMs: timeouts.stepMs,
    command: (order) => ({
      type: AuthorizePaymentCommand.type,
      payload: { orderId: order.orderId, customerId: order.userId, amountMinor: order.totalMinor, currency: order.currency, paymentToken: order.paymentToken },
    }),
    onReply: (_order, reply) =>
      succeeded(reply, 'authorized')
        ? { ok: true, patch: { paymentId: (reply.payload as { paymentId: string }).paymentId, paymentToken: '' } }
        : { ok: false, reason: reasonOf(reply) },
    // Voiding is idempotent at payments and safe when the authorization never happened (a timed-out step).
    compensation: {
      timeoutMs: timeouts.undoMs,
      command: (order) => ({ type: VoidPaymentCommand.type, payload: { orderId: order.orderId } }),
      onReply: (_order, reply) => (succeeded(reply, 'voided') ? { ok: true } : { ok: false, reason: reasonOf(reply) }),
    },
  });
}

export { succeeded as paymentSucceeded };
