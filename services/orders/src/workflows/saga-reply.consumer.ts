import type { Messaging } from '@bazaar/platform/messaging';
import type { SagaOrchestrator } from '@bazaar/platform/workflow';
import { InventoryReplies, StockReservedReply } from '@bazaar/inventory/contract';
import { PaymentsReplies } from '@bazaar/payments/contract';
import type { OrdersTables } from '../store/orders.tables.ts';
import { appendToOrder } from './order-writer.ts';

/** The consumer name, and so the queue, of orders' saga replies. */
export const SAGA_REPLY_CONSUMER = 'orders-saga';

/**
 * Hands every participant reply to the orchestrator in the consumer's transaction (with its inbox row, so a
 * duplicate does nothing), and records a reservation the saga accepted on the order's stream at once.
 */
export function subscribeSagaReplies(messaging: Messaging<OrdersTables>, orchestrator: SagaOrchestrator<OrdersTables>): void {
  messaging.subscribe(SAGA_REPLY_CONSUMER, [...InventoryReplies, ...PaymentsReplies], async (message, { trx }) => {
    const { step, orderId } = message.payload;
    const outcome = await orchestrator.handleReply(trx, {
      correlationId: orderId,
      stepId: step.stepId,
      phase: step.phase,
      attempt: step.attempt,
      replyType: message.type,
      payload: message.payload,
      messageId: message.id,
    });
    if (!outcome.applied || message.type !== StockReservedReply.type || step.phase !== 'forward') return;
    const reservationId = (message.payload as { reservationId: string }).reservationId;
    await appendToOrder(trx, orderId, (order) => (order.status === 'PENDING' ? [{ type: 'StockReserved', reservationId }] : []));
  });
}
