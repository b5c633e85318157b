import type { Principal } from '@bazaar/platform/auth';
import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { idPattern } from '@bazaar/platform/ids';
import type { ListOrdersQuery, OrderPage } from '../contract/order.schemas.ts';
import { OrdersErrors } from '../contract/orders.errors.ts';
import { listOrderHistory } from '../store/order-history.repository.ts';
import { toOrderSummary } from './order.view.ts';
import type { OrdersDeps } from './orders.deps.ts';

const ORDER_ID = new RegExp(idPattern('ord'));

/** A page of the history, newest first: the caller's own orders, or everyone's for an admin. The cursor is the last order id seen. */
export async function listOrders(deps: OrdersDeps, principal: Principal, query: ListOrdersQuery): Promise<Result<OrderPage, AppError>> {
  if (query.cursor !== undefined && !ORDER_ID.test(query.cursor)) return fail(new AppError(OrdersErrors.INVALID_CURSOR));
  const limit = query.limit ?? 20;
  const rows = await listOrderHistory(deps.db, {
    userId: principal.roles.includes('admin') ? undefined : principal.userId,
    before: query.cursor,
    limit: limit + 1,
  });
  const items = rows.slice(0, limit).map(toOrderSummary);
  return ok({ items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null });
}
