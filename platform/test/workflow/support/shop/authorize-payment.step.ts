import { defineStep } from '@bazaar/platform/workflow';
import { reasonOf, type ShopOrder } from './shop-order.ts';

export const authorizePayment = defineStep<ShopOrder>({
  id: 'authorize-payment',
  doc: 'Authorizes the order amount on the buyer card at payments.',
  timeoutMs: 5_000,
  command: (order) => ({ type: 'AuthorizePayment', payload: { orderId: order.orderId, amount: order.amount } }),
  onReply: (_order, reply) =>
    reply.type === 'payment.authorized'
      ? { ok: true, patch: { authorizationId: (reply.payload as { authorizationId: string }).authorizationId } }
      : { ok: false, reason: reasonOf(reply) },
  compensation: {
    timeoutMs: 2_000,
    command: (order) => ({ type: 'VoidPayment', payload: { orderId: order.orderId } }),
    onReply: (_order, reply) => (reply.type === 'payment.voided' ? { ok: true } : { ok: false, reason: reasonOf(reply) }),
  },
});
