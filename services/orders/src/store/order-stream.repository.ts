import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { inResultTransaction, statement, type Kysely, type Selectable } from '@bazaar/platform/db';
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
  return appendAfter(trx, orderId, current, events, { now });
}

/** How an append after a read is sent (see `appendAfter`). */
export interface AppendOptions {
  readonly now?: Date;
  /**
   * For a writer holding the saga's lock, under which no other writer can race it: the writes travel with the
   * transaction's next statement (at the latest its COMMIT) and cost no round trip of their own. A lost race, a
   * bug there, then fails that statement instead of answering VERSION_CONFLICT. An append that settles the order
   * is sent at once either way, as its notification is a statement with an answer.
   */
  readonly deferred?: boolean;
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
  options: AppendOptions = {},
): Promise<Result<OrderState, AppError>> {
  // The events and the history row are two statements: outside a transaction they get one of their own.
  if (!trx.isTransaction) return inResultTransaction(trx, (own) => appendAfter(own, orderId, current, events, options));
  const { now = new Date(), deferred = false } = options;
  const expectedVersion = current?.version ?? 0;
  let state = current;
  for (const event of events) {
    const next = transition(state, event);
    if (!next.ok) return fail(new AppError(OrdersErrors.INVALID_TRANSITION, next.reason));
    state = next.state;
  }
  if (state === undefined || events.length === 0) throw new TypeError('appendOrderEvents needs at least one event');

  // The events go ahead of the history projection's row, in the same write: should the events' key refuse them
  // (a lost race), PostgreSQL skips the row and the refusal is the answer to it.
  const settles = isFinal(state.status) && !(current && isFinal(current.status));
  const history = historyColumns(state, now);
  try {
    await INSERT_EVENTS.defer(trx, eventColumns(orderId, expectedVersion, events, now));
    if (settles) await UPSERT_HISTORY_SETTLING.execute(trx, [...history, ORDER_SETTLED_CHANNEL]);
    else if (deferred) await UPSERT_HISTORY.defer(trx, history);
    else await UPSERT_HISTORY.execute(trx, history);
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      return fail(new AppError(OrdersErrors.VERSION_CONFLICT, `order ${orderId} moved past version ${expectedVersion}`, { cause: error }));
    }
    throw error;
  }
  return ok(state);
}

/** The events appended, a column each. */
type EventColumns = [orderId: string, versions: number[], types: string[], payloads: string[], now: Date];

function eventColumns(orderId: string, expectedVersion: number, events: readonly OrderEvent[], now: Date): EventColumns {
  return [
    orderId,
    events.map((_, index) => expectedVersion + index + 1),
    events.map((event) => event.type),
    events.map(({ type: _type, ...payload }) => JSON.stringify(payload)),
    now,
  ];
}

/** The history projection's row for the state the events lead to. */
type HistoryColumns = [
  id: string,
  userId: string,
  totalMinor: number,
  currency: string,
  linesCount: number,
  status: OrderStatus,
  cancelReason: string | null,
  version: number,
  now: Date,
];

function historyColumns(state: OrderState, now: Date): HistoryColumns {
  return [state.id, state.userId, state.totalMinor, state.currency, state.lines.length, state.status, state.cancelReason, state.version, now];
}

const INSERT_EVENTS = statement<never, EventColumns>(`
  INSERT INTO order_events (order_id, version, type, payload, occurred_at)
  SELECT $1::text, version, type, payload, $5::timestamptz FROM unnest($2::int[], $3::text[], $4::jsonb[]) AS e (version, type, payload)`);

/** The history projection's row, inserted or brought up to date; created and updated at the events' time. */
const UPSERT_HISTORY_TEXT = `
  INSERT INTO orders_history (id, user_id, total_minor, currency, lines_count, status, cancel_reason, version, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
  ON CONFLICT (id) DO UPDATE
  SET status = excluded.status, cancel_reason = excluded.cancel_reason, version = excluded.version, updated_at = excluded.updated_at`;
const UPSERT_HISTORY = statement<never, HistoryColumns>(UPSERT_HISTORY_TEXT);
const UPSERT_HISTORY_SETTLING = statement<{ notified: string }, [...HistoryColumns, channel: string]>(`${UPSERT_HISTORY_TEXT} RETURNING pg_notify($10, $1) AS notified`);
