import { causedBy, type Messaging } from '@bazaar/platform/messaging';
import { ReleaseStockCommand, StockReleasedReply } from '../contract/inventory.messages.ts';
import type { InventoryUseCases } from '../main.ts';
import type { InventoryTables } from '../store/inventory.tables.ts';
import { INVENTORY_COMMANDS_CONSUMER } from './inventory.consumers.ts';

/**
 * Gives an order's stock back (committing on its own, before the consumer's transaction opens) and replies.
 * Releasing is idempotent, so a redelivery after a crash between the use case's commit and the reply's is
 * harmless; a failure is thrown so the command is retried, then dead-lettered.
 */
export function subscribeReleaseStock(messaging: Messaging<InventoryTables>, useCases: Pick<InventoryUseCases, 'releaseReservation'>): void {
  messaging.subscribe(INVENTORY_COMMANDS_CONSUMER, ReleaseStockCommand, {
    async prepare(message) {
      const released = await useCases.releaseReservation(message.payload.orderId);
      if (!released.ok) throw released.error;
    },
    async handle(message, _released, { trx }) {
      const { step, orderId } = message.payload;
      await messaging.outbox.write(trx, StockReleasedReply.create({ step, orderId }, causedBy(message)));
    },
  });
}
