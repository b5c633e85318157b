import type { Messaging } from '@bazaar/platform/messaging';
import { OrderConfirmedMessage } from '@bazaar/orders/contract';
import type { InventoryUseCases } from '../main.ts';
import type { InventoryTables } from '../store/inventory.tables.ts';
import { INVENTORY_ORDERS_CONSUMER, type UseCasesIn } from './inventory.consumers.ts';

/**
 * A confirmed order takes its held stock for good, so the expiry sweep does not give it back; the reservation
 * is confirmed in one transaction with the inbox row. A failure (no reservation, one already expired) is
 * thrown: retried with backoff, then dead-lettered for someone to look at.
 */
export function subscribeOrderConfirmed(messaging: Messaging<InventoryTables>, useCasesIn: UseCasesIn<Pick<InventoryUseCases, 'confirmReservation'>>): void {
  messaging.subscribe(INVENTORY_ORDERS_CONSUMER, OrderConfirmedMessage, async (message, { trx }) => {
    const confirmed = await useCasesIn(trx).confirmReservation(message.payload.orderId);
    if (!confirmed.ok) throw confirmed.error;
  });
}
