import type { Kysely } from '@bazaar/platform/db';
import type { OrderEvent } from '../domain/order.events.ts';
import type { OrderState } from '../domain/order.state.ts';
import { appendAfter, loadOrder } from '../store/order-stream.repository.ts';
import type { OrdersTables } from '../store/orders.tables.ts';

/**
 * Appends what `decide` says to the order's stream in `trx`, at the version just read. Saga transitions hold the
 * saga's row lock, so no other writer of this order races them; a refusal here is a bug and throws. So the append
 * is deferred: it travels with the transaction's next statement, and a refusal fails that statement.
 */
export async function appendToOrder(
  trx: Kysely<OrdersTables>,
  orderId: string,
  decide: (order: OrderState) => readonly OrderEvent[],
): Promise<OrderState> {
  const order = await loadOrder(trx, orderId);
  if (!order) throw new Error(`Order ${orderId} has no stream`);
  const events = decide(order);
  if (events.length === 0) return order;
  const appended = await appendAfter(trx, orderId, order, events, { deferred: true });
  if (!appended.ok) throw appended.error;
  return appended.value;
}
