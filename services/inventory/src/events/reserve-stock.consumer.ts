import { causedBy, type Messaging } from '@bazaar/platform/messaging';
import { ReserveStockCommand, StockReservationFailedReply, StockReservedReply } from '../contract/inventory.messages.ts';
import type { InventoryUseCases } from '../main.ts';
import type { InventoryTables } from '../store/inventory.tables.ts';
import { INVENTORY_COMMANDS_CONSUMER, reasonOf, type UseCasesIn } from './inventory.consumers.ts';

/**
 * Reserves an order's stock and replies whether it could, in one transaction with the inbox row: a redelivery
 * finds the command handled, and a reservation that fails undoes its own writes (under a savepoint) before the
 * failure is replied. Reserving again for the same order (a retried step) returns the same reservation.
 */
export function subscribeReserveStock(messaging: Messaging<InventoryTables>, useCasesIn: UseCasesIn<Pick<InventoryUseCases, 'reserveStock'>>): void {
  messaging.subscribe(INVENTORY_COMMANDS_CONSUMER, ReserveStockCommand, async (message, { trx }) => {
    const { step, orderId, lines } = message.payload;
    const reserved = await useCasesIn(trx).reserveStock({ orderId, lines });
    const reply = reserved.ok
      ? StockReservedReply.create({ step, orderId, reservationId: reserved.value.reservation.id }, causedBy(message))
      : StockReservationFailedReply.create({ step, orderId, reason: reasonOf(reserved.error) }, causedBy(message));
    await messaging.outbox.write(trx, reply);
  });
}
