import { statement, type Kysely, type Selectable } from '@bazaar/platform/db';
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

const FIND = statement<OrderHistoryRow, [orderId: string]>('SELECT * FROM orders_history WHERE id = $1');

/** The order's row in the history, once it is placed. */
export async function findOrderHistory(db: Kysely<OrdersTables>, orderId: string): Promise<OrderHistoryRow | undefined> {
  return (await FIND.execute(db, [orderId])).rows[0];
}
