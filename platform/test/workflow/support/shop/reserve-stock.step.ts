import { defineStep } from '@bazaar/platform/workflow';
import { reasonOf, type ShopOrder } from './shop-order.ts';

export const reserveStock = defineStep<ShopOrder>({
  id: 'reserve-stock',
  doc: 'Reserves the stock of the order at inventory.',
  timeoutMs: 5_000,
  command: (order) => ({ type: 'ReserveStock', payload: { orderId: order.orderId } }),
  onReply: (_order, reply) =>
    reply.type === 'stock.reserved'
      ? { ok: true, patch: { reservationId: (reply.payload as { reservationId: string }).reservationId } }
      : { ok: false, reason: reasonOf(reply) },
  compensation: {
    timeoutMs: 2_000,
    command: (order) => ({ type: 'ReleaseStock', payload: { orderId: order.orderId } }),
    onReply: (_order, reply) => (reply.type === 'stock.released' ? { ok: true } : { ok: false, reason: reasonOf(reply) }),
  },
});
