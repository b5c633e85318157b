import { causedBy, type Messaging } from '@bazaar/platform/messaging';
import { ReserveStockCommand, StockReservationFailedReply, StockReservedReply } from '../contract/inventory.messages.ts';
import type { InventoryUseCases } from '../main.ts';
import type { InventoryTables } from '../store/inventory.tables.ts';
import { INVENTORY_COMMANDS_CONSUMER, reasonOf } from './inventory.consumers.ts';

/**
 * Reserves an order's stock and replies whether it could. The use case commits on its own, before the consumer's
 * transaction opens (so a handler never holds one connection while waiting for another); the reply is written
 * with the inbox row, so a crash in between redelivers the command, and reserving again for the same order
 * returns the same reservation.
 */
export function subscribeReserveStock(messaging: Messaging<InventoryTables>, useCases: Pick<InventoryUseCases, 'reserveStock'>): void {
  messaging.subscribe(INVENTORY_COMMANDS_CONSUMER, ReserveStockCommand, {
    prepare: (message) => useCases.reserveStock({ orderId: message.payload.orderId, lines: message.payload.lines }),
    async handle(message, reserved, { trx }) {
      const { step, orderId } = message.payload;
      const reply = reserved.ok
        ? StockReservedReply.create({ step, orderId, reservationId: reserved.value.reservation.id }, causedBy(message))
        : StockReservationFailedReply.create({ step, orderId, reason: reasonOf(reserved.error) }, causedBy(message));
      await messaging.outbox.write(trx, reply);
    },
  });
}
