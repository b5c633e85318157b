import { causedBy, type Messaging } from '@bazaar/platform/messaging';
import { ReleaseStockCommand, StockReleasedReply } from '../contract/inventory.messages.ts';
import type { InventoryUseCases } from '../main.ts';
import type { InventoryTables } from '../store/inventory.tables.ts';
import { INVENTORY_COMMANDS_CONSUMER, type UseCasesIn } from './inventory.consumers.ts';

/**
 * Gives an order's stock back and replies, in one transaction with the inbox row. A failure (a confirmed
 * reservation) is thrown: nothing commits, and the command is retried, then dead-lettered.
 */
export function subscribeReleaseStock(messaging: Messaging<InventoryTables>, useCasesIn: UseCasesIn<Pick<InventoryUseCases, 'releaseReservation'>>): void {
  messaging.subscribe(INVENTORY_COMMANDS_CONSUMER, ReleaseStockCommand, async (message, { trx }) => {
    const { step, orderId } = message.payload;
    const released = await useCasesIn(trx).releaseReservation(orderId);
    if (!released.ok) throw released.error;
    await messaging.outbox.write(trx, StockReleasedReply.create({ step, orderId }, causedBy(message)));
  });
}
