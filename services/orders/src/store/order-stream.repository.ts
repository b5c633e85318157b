import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { statement, type Kysely, type Selectable } from '@bazaar/platform/db';
import { OrdersErrors } from '../contract/orders.errors.ts';
import type { OrderEvent } from '../domain/order.events.ts';
import { foldOrder, isFinal, transition, type OrderState, type OrderStatus } from '../domain/order.state.ts';
import type { OrderEventsTable, OrdersTables } from './orders.tables.ts';

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

const READ_EVENTS = statement<Selectable<OrderEventsTable>, [orderId: string]>('SELECT * FROM order_events WHERE order_id = $1 ORDER BY version');

/** The order's events, oldest first. */
export async function readOrderEvents(db: Kysely<OrdersTables>, orderId: string): Promise<StoredOrderEvent[]> {
  const { rows } = await READ_EVENTS.execute(db, [orderId]);
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
  const settles = isFinal(state.status) && !(current && isFinal(current.status));
  const parameters = appendColumns(orderId, expectedVersion, events, state, now);
  try {
    await (settles ? APPEND_SETTLING.execute(trx, [...parameters, ORDER_SETTLED_CHANNEL]) : APPEND.execute(trx, parameters));
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      return fail(new AppError(OrdersErrors.VERSION_CONFLICT, `order ${orderId} moved past version ${expectedVersion}`, { cause: error }));
    }
    throw error;
  }
  return ok(state);
}

/** The events appended (a column each), then the history projection's row for the state they lead to. */
type AppendColumns = [
  orderId: string,
  versions: number[],
  types: string[],
  payloads: string[],
  now: Date,
  id: string,
  userId: string,
  totalMinor: number,
  currency: string,
  linesCount: number,
  status: OrderStatus,
  cancelReason: string | null,
  version: number,
];

function appendColumns(orderId: string, expectedVersion: number, events: readonly OrderEvent[], state: OrderState, now: Date): AppendColumns {
  return [
    orderId,
    events.map((_, index) => expectedVersion + index + 1),
    events.map((event) => event.type),
    events.map(({ type: _type, ...payload }) => JSON.stringify(payload)),
    now,
    state.id,
    state.userId,
    state.totalMinor,
    state.currency,
    state.lines.length,
    state.status,
    state.cancelReason,
    state.version,
  ];
}

/**
 * The events, and the history projection's row for the state they lead to, inserted or brought up to date, in one
 * statement; the projection's row is created and updated at the events' time.
 */
const APPEND_TEXT = `
  WITH appended AS (
    INSERT INTO order_events (order_id, version, type, payload, occurred_at)
    SELECT $1::text, version, type, payload, $5::timestamptz FROM unnest($2::int[], $3::text[], $4::jsonb[]) AS e (version, type, payload))
  INSERT INTO orders_history (id, user_id, total_minor, currency, lines_count, status, cancel_reason, version, created_at, updated_at)
  VALUES ($6, $7, $8, $9, $10, $11, $12, $13, $5, $5)
  ON CONFLICT (id) DO UPDATE
  SET status = excluded.status, cancel_reason = excluded.cancel_reason, version = excluded.version, updated_at = excluded.updated_at`;
const APPEND = statement<never, AppendColumns>(APPEND_TEXT);
const APPEND_SETTLING = statement<{ notified: string }, [...AppendColumns, channel: string]>(`${APPEND_TEXT} RETURNING pg_notify($14, $1) AS notified`);
