import { defineStep } from '@bazaar/platform/workflow';
import { reasonOf, type ShopOrder } from './shop-order.ts';

/** The last step: nothing after it can fail, so it has nothing to undo. */
export const capturePayment = defineStep<ShopOrder>({
  id: 'capture-payment',
  doc: 'Captures the authorized amount at payments.',
  timeoutMs: 5_000,
  command: (order) => ({ type: 'CapturePayment', payload: { orderId: order.orderId } }),
  onReply: (_order, reply) =>
    reply.type === 'payment.captured'
      ? { ok: true, patch: { captureId: (reply.payload as { captureId: string }).captureId } }
      : { ok: false, reason: reasonOf(reply) },
});
