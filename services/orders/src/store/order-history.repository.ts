import type { Kysely, Selectable } from '@bazaar/platform/db';
import type { OrdersHistoryTable, OrdersTables } from './orders.tables.ts';

export type OrderHistoryRow = Selectable<OrdersHistoryTable>;

/** One page of the history, newest first: orders with ids below `before`, of one user or (undefined) everyone. */
export async function listOrderHistory(
  db: Kysely<OrdersTables>,
  query: { readonly userId: string | undefined; readonly before: string | undefined; readonly limit: number },
): Promise<OrderHistoryRow[]> {
  let select = db.selectFrom('orders_history').selectAll();
  if (query.userId !== undefined) select = select.where('user_id', '=', query.userId);
  if (query.before !== undefined) select = select.where('id', '<', query.before);
  return select.orderBy('id', 'desc').limit(query.limit).execute();
}

export async function findOrderHistory(db: Kysely<OrdersTables>, orderId: string): Promise<OrderHistoryRow | undefined> {
  return db.selectFrom('orders_history').selectAll().where('id', '=', orderId).executeTakeFirst();
}
