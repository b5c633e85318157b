import type { Logger } from '@bazaar/platform/telemetry';
import type { Broker, Subscription } from '@bazaar/platform/messaging';
import { OrderPlacedMessage } from '@bazaar/orders/contract';

/** The consumer name, and so the broker queue, of cart's `order.placed` handling. */
export const CART_CONSUMER = 'cart';

/** The first retry's wait; later ones grow linearly up to 30 times it. */
const RETRY_DELAY_MS = 1_000;

/**
 * Empties the buyer's cart when their order is placed. Emptying is idempotent by nature (an empty cart
 * emptied again is the same), so cart needs no inbox table: a redelivered event has no second effect.
 * An unreadable event is dead-lettered; a failing store is retried later, never acknowledged as done.
 */
export function consumeOrderPlaced(
  broker: Broker,
  emptyCartOfUser: (userId: string) => Promise<void>,
  logger: Logger,
): Promise<Subscription> {
  return broker.consume({ consumer: CART_CONSUMER, bindings: [OrderPlacedMessage.type] }, async (delivery) => {
    let userId: string;
    try {
      userId = OrderPlacedMessage.parse(JSON.parse(delivery.body)).payload.userId;
    } catch (error) {
      return { outcome: 'dead-letter', reason: error instanceof Error ? error.message : String(error) };
    }
    try {
      await emptyCartOfUser(userId);
      return { outcome: 'ack' };
    } catch (error) {
      logger.warn({ err: error, attempt: delivery.attempt }, 'could not empty a cart after order.placed; retrying');
      return { outcome: 'retry', delayMs: RETRY_DELAY_MS * Math.min(delivery.attempt, 30) };
    }
  });
}
