import type { Kysely } from '@bazaar/platform/db';
import type { Outbox } from '@bazaar/platform/messaging';
import { defineStep } from '@bazaar/platform/workflow';
import { OrderConfirmedMessage } from '../contract/order.messages.ts';
import type { OrderEvent } from '../domain/order.events.ts';
import type { OrdersTables } from '../store/orders.tables.ts';
import type { CheckoutData } from './checkout-data.ts';
import { appendToOrder } from './order-writer.ts';

/** Confirms the order locally: its stream records the reservation and authorization, then the confirmation. */
export function confirmOrderStep(outbox: Outbox) {
  return defineStep<CheckoutData, OrdersTables>({
    id: 'confirm-order',
    doc: 'Appends OrderConfirmed to the order and announces order.confirmed.',
    async run(trx: Kysely<OrdersTables>, data) {
      const order = await appendToOrder(trx, data.orderId, (current) => {
        const events: OrderEvent[] = [];
        if (current.status === 'PENDING') events.push({ type: 'StockReserved', reservationId: data.reservationId ?? '' });
        if (current.status === 'PENDING' || current.status === 'RESERVED') events.push({ type: 'PaymentAuthorized', paymentId: data.paymentId ?? '' });
        events.push({ type: 'OrderConfirmed' });
        return events;
      });
      await outbox.write(
        trx,
        OrderConfirmedMessage.create(
          { orderId: order.id, userId: order.userId, ...(order.email !== null && { email: order.email }), totalMinor: order.totalMinor, currency: order.currency },
          { correlationId: order.id },
        ),
      );
      return { ok: true };
    },
  });
}
