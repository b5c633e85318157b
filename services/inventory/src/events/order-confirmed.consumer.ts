import type { Messaging } from '@bazaar/platform/messaging';
import { OrderConfirmedMessage } from '@bazaar/orders/contract';
import type { InventoryUseCases } from '../main.ts';
import type { InventoryTables } from '../store/inventory.tables.ts';
import { INVENTORY_ORDERS_CONSUMER } from './inventory.consumers.ts';

/**
 * A confirmed order takes its held stock for good, so the expiry sweep does not give it back. The use case
 * commits on its own, before the consumer's transaction opens. A failure (no reservation, one already expired)
 * is thrown: retried with backoff, then dead-lettered for someone to look at.
 */
export function subscribeOrderConfirmed(messaging: Messaging<InventoryTables>, useCases: Pick<InventoryUseCases, 'confirmReservation'>): void {
  messaging.subscribe(INVENTORY_ORDERS_CONSUMER, OrderConfirmedMessage, {
    async prepare(message) {
      const confirmed = await useCases.confirmReservation(message.payload.orderId);
      if (!confirmed.ok) throw confirmed.error;
    },
    handle: async () => undefined,
  });
}
