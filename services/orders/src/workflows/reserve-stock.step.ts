import { defineStep } from '@bazaar/platform/workflow';
import { ReleaseStockCommand, ReserveStockCommand, StockReleasedReply, StockReservedReply } from '@bazaar/inventory/contract';
import { reasonOf, type CheckoutData, type CheckoutTimeouts } from './checkout-data.ts';

/** Reserves the order's stock at inventory; the undo gives it back. */
export function reserveStockStep(timeouts: CheckoutTimeouts) {
  return defineStep<CheckoutData>({
    id: 'reserve-stock',
    doc: "Sets the order's stock aside at inventory, all lines or none.",
    timeoutMs: timeouts.stepMs,
    command: (order) => ({ type: ReserveStockCommand.type, payload: { orderId: order.orderId, lines: order.lines } }),
    onReply: (_order, reply) =>
      reply.type === StockReservedReply.type
        ? { ok: true, patch: { reservationId: (reply.payload as { reservationId: string }).reservationId } }
        : { ok: false, reason: reasonOf(reply) },
    compensation: {
      timeoutMs: timeouts.undoMs,
      command: (order) => ({ type: ReleaseStockCommand.type, payload: { orderId: order.orderId } }),
      onReply: (_order, reply) => (reply.type === StockReleasedReply.type ? { ok: true } : { ok: false, reason: reasonOf(reply) }),
    },
  });
}
