import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { sql, type Kysely, type QueryCreator } from '@bazaar/platform/db';
import { OrdersErrors } from '../contract/orders.errors.ts';
import type { OrderEvent } from '../domain/order.events.ts';
import { foldOrder, isFinal, transition, type OrderState } from '../domain/order.state.ts';
import type { OrdersTables } from './orders.tables.ts';

const UNIQUE_VIOLATION = '23505';

/** Notified, with the order id as payload, when the transaction that gives an order its final status commits. */
export const ORDER_SETTLED_CHANNEL = 'orders_settled';

/** One stored event with its place in the stream. */
export interface StoredOrderEvent {
  readonly version: number;
  readonly type: OrderEvent['type'];
  readonly event: OrderEvent;
  readonly occurredAt: Date;
}

/** The order's events, oldest first. */
export async function readOrderEvents(db: Kysely<OrdersTables>, orderId: string): Promise<StoredOrderEvent[]> {
  const rows = await db.selectFrom('order_events').selectAll().where('order_id', '=', orderId).orderBy('version').execute();
  return rows.map((row) => ({
    version: row.version,
    type: row.type as OrderEvent['type'],
    event: { ...(row.payload as object), type: row.type } as OrderEvent,
    occurredAt: row.occurred_at,
  }));
}

/** The order folded from its events, or undefined when there is no such stream. */
export async function loadOrder(db: Kysely<OrdersTables>, orderId: string): Promise<OrderState | undefined> {
  return foldOrder((await readOrderEvents(db, orderId)).map((stored) => stored.event));
}

/**
 * Appends `events` to the order's stream in `trx` when the stream is still at `expectedVersion`, and updates the
 * history projection in the same transaction; an order reaching its final status is notified on
 * `ORDER_SETTLED_CHANNEL` at commit. A writer that lost the race gets VERSION_CONFLICT (the primary key
 * refuses its rows; its transaction is then unusable and must be retried whole); an event the order's state does
 * not allow gets INVALID_TRANSITION and nothing is written.
 */
export async function appendOrderEvents(
  trx: Kysely<OrdersTables>,
  orderId: string,
  expectedVersion: number,
  events: readonly OrderEvent[],
  now: Date = new Date(),
): Promise<Result<OrderState, AppError>> {
  // Placing an order starts its stream, so there is nothing to read: should another writer have started it,
  // its rows make this insert conflict.
  const starts = expectedVersion === 0 && events[0]?.type === 'OrderPlaced';
  const current = starts ? undefined : await loadOrder(trx, orderId);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== expectedVersion) {
    return fail(new AppError(OrdersErrors.VERSION_CONFLICT, `order ${orderId} is at version ${currentVersion}, not ${expectedVersion}`));
  }
  return appendAfter(trx, orderId, current, events, now);
}

/**
 * Appends `events` after `current`, the order as just read in `trx` (undefined for a new stream), with the same
 * guarantees as `appendOrderEvents`; for a writer that has already loaded the order, so it is not read twice.
 */
export async function appendAfter(
  trx: Kysely<OrdersTables>,
  orderId: string,
  current: OrderState | undefined,
  events: readonly OrderEvent[],
  now: Date = new Date(),
): Promise<Result<OrderState, AppError>> {
  const expectedVersion = current?.version ?? 0;
  let state = current;
  for (const event of events) {
    const next = transition(state, event);
    if (!next.ok) return fail(new AppError(OrdersErrors.INVALID_TRANSITION, next.reason));
    state = next.state;
  }
  if (state === undefined || events.length === 0) throw new TypeError('appendOrderEvents needs at least one event');

  // The events, the history projection and (when the order settles) the notification go in one statement.
  const appended = trx.insertInto('order_events').values(
    events.map((event, index) => {
      const { type, ...payload } = event;
      return { order_id: orderId, version: expectedVersion + index + 1, type, payload: JSON.stringify(payload), occurred_at: now };
    }),
  );
  const projected = project(trx.with('appended', () => appended), state, now);
  const settles = isFinal(state.status) && !(current && isFinal(current.status));
  try {
    await (settles ? projected.returning(sql<string>`pg_notify(${ORDER_SETTLED_CHANNEL}, ${orderId})`.as('notified')) : projected).execute();
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      return fail(new AppError(OrdersErrors.VERSION_CONFLICT, `order ${orderId} moved past version ${expectedVersion}`, { cause: error }));
    }
    throw error;
  }
  return ok(state);
}

/** The history projection's row for `state`, inserted or brought up to date. */
function project(db: QueryCreator<OrdersTables>, state: OrderState, now: Date) {
  const row = {
    status: state.status,
    cancel_reason: state.cancelReason,
    version: state.version,
    updated_at: now,
  };
  return db
    .insertInto('orders_history')
    .values({
      id: state.id,
      user_id: state.userId,
      total_minor: state.totalMinor,
      currency: state.currency,
      lines_count: state.lines.length,
      created_at: now,
      ...row,
    })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(row));
}
