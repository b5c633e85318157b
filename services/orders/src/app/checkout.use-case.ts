import { inTransaction } from '@bazaar/platform/db';
import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { newId } from '@bazaar/platform/ids';
import { OrderPlacedMessage } from '../contract/order.messages.ts';
import type { Checkout } from '../contract/order.schemas.ts';
import { OrdersErrors } from '../contract/orders.errors.ts';
import { placeOrder } from '../domain/order-placement.ts';
import { isFinal, type OrderState } from '../domain/order.state.ts';
import { requestHash } from '../domain/request-hash.ts';
import { claimIdempotencyKey, findIdempotencyKey, type IdempotencyRecord } from '../store/idempotency.repository.ts';
import { findOrderHistory } from '../store/order-history.repository.ts';
import { appendOrderEvents, loadOrder } from '../store/order-stream.repository.ts';
import { CHECKOUT_SAGA } from '../workflows/checkout.saga.ts';
import type { CheckoutData } from '../workflows/checkout-data.ts';
import type { OrdersDeps } from './orders.deps.ts';
import type { SettledWatch } from './settled-orders.watcher.ts';

// How often a waiting checkout looks at its order without a notification: a safety net, not the way it learns.
const RECHECK_MS = 250;

/** A checkout's order, and whether it has reached its final status (200) or is still going (202). */
export interface CheckoutOutcome {
  readonly order: OrderState;
  readonly final: boolean;
}

export interface CheckoutInput {
  readonly userId: string;
  /** The buyer's address, from their token: the order keeps it for its confirmation or cancellation. */
  readonly email: string;
  /** The buyer's `Authorization` header, relayed to the cart service. */
  readonly authorization: string;
  readonly idempotencyKey: string;
  readonly body: Checkout;
}

/**
 * Turns the buyer's cart into an order: OrderPlaced, the saga's start (with its first command) and `order.placed`
 * commit in one transaction with the claim on the Idempotency-Key. The same key with the same body answers with
 * the order it made; with another body it is refused. Of two concurrent identical requests, the unique key lets
 * one insert and the other reads the winner's order.
 */
export async function checkout(deps: OrdersDeps, input: CheckoutInput): Promise<Result<CheckoutOutcome, AppError>> {
  const hash = requestHash(input.body);
  const earlier = await findIdempotencyKey(deps.db, input.userId, input.idempotencyKey);
  if (earlier) return replay(deps, earlier, hash);

  const cart = await deps.cart.read(input.userId, { authorization: input.authorization });
  const orderId = newId('ord');
  const placement = placeOrder({ orderId, userId: input.userId, email: input.email, cart, shippingAddress: input.body.shippingAddress, idempotencyKey: input.idempotencyKey });
  if (!placement.ok) {
    // A concurrent request with this key may have placed the order, and its order.placed emptied the cart since.
    const winner = await findIdempotencyKey(deps.db, input.userId, input.idempotencyKey);
    return winner ? replay(deps, winner, hash) : fail(new AppError(OrdersErrors[placement.problem]));
  }
  const placed = placement.event;

  // Watched before it is placed: however fast the saga ends, its notification cannot slip past the wait below.
  const settled = deps.settledOrders.watch(orderId);
  const claimed = await inTransaction(deps.db, async (trx) => {
    if (!(await claimIdempotencyKey(trx, input.userId, input.idempotencyKey, { requestHash: hash, orderId }))) return false;
    const appended = await appendOrderEvents(trx, orderId, 0, [placed]);
    if (!appended.ok) throw appended.error;
    const data: CheckoutData = {
      orderId,
      userId: input.userId,
      lines: placed.lines.map(({ sku, quantity }) => ({ sku, quantity })),
      totalMinor: placed.totalMinor,
      currency: placed.currency,
      paymentToken: input.body.paymentToken,
    };
    await deps.orchestrator.start(trx, CHECKOUT_SAGA, orderId, data);
    await deps.outbox.write(
      trx,
      OrderPlacedMessage.create(
        { orderId, userId: input.userId, lines: [...placed.lines], totalMinor: placed.totalMinor, currency: placed.currency },
        { correlationId: orderId },
      ),
    );
    return true;
  }).catch((error: unknown) => {
    settled.cancel();
    throw error;
  });
  if (!claimed) {
    settled.cancel();
    const winner = await findIdempotencyKey(deps.db, input.userId, input.idempotencyKey);
    if (!winner) throw new Error('An Idempotency-Key claim was refused, yet no claim is stored');
    return replay(deps, winner, hash);
  }
  return ok(await awaitOutcome(deps, orderId, settled));
}

async function replay(deps: OrdersDeps, earlier: IdempotencyRecord, hash: string): Promise<Result<CheckoutOutcome, AppError>> {
  if (earlier.requestHash !== hash) return fail(new AppError(OrdersErrors.IDEMPOTENCY_KEY_REUSED));
  const order = await loadOrder(deps.db, earlier.orderId);
  if (!order) throw new Error(`Order ${earlier.orderId} of a stored Idempotency-Key has no stream`);
  return ok({ order, final: isFinal(order.status) });
}

/**
 * Waits briefly for the saga to end, so a fast one can be answered with its final state: woken when the order's
 * final event commits, and looking again every `RECHECK_MS` should a notification be lost. `watching` began before
 * the order was placed, so there is nothing to look at before its first wait.
 */
async function awaitOutcome(deps: OrdersDeps, orderId: string, watching: SettledWatch): Promise<CheckoutOutcome> {
  const until = Date.now() + deps.checkoutWaitMs;
  let settled = watching;
  for (let look = false; ; look = true) {
    if (look) {
      settled = deps.settledOrders.watch(orderId);
      const row = await findOrderHistory(deps.db, orderId);
      if (row && isFinal(row.status)) {
        settled.cancel();
        break;
      }
    }
    const left = until - Date.now();
    if (left <= 0) {
      settled.cancel();
      break;
    }
    // The order's own notification means its final event has committed: nothing to look at but the order.
    if (await settled.within(Math.min(left, RECHECK_MS))) break;
  }
  const order = await loadOrder(deps.db, orderId);
  if (!order) throw new Error(`Order ${orderId} vanished after it was placed`);
  return { order, final: isFinal(order.status) };
}
