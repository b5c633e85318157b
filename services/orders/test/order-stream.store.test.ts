import { inTransaction } from '@bazaar/platform/db';
import { newId } from '@bazaar/platform/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAfter, appendOrderEvents, loadOrder, readOrderEvents } from '../src/store/order-stream.repository.ts';
import { findOrderHistory, listOrderHistory } from '../src/store/order-history.repository.ts';
import { claimIdempotencyKey, findIdempotencyKey } from '../src/store/idempotency.repository.ts';
import { openOrdersDatabase, orderPlaced } from './support/orders-database.fixture.ts';

describe('the order event store', () => {
  let database: Awaited<ReturnType<typeof openOrdersDatabase>>;
  beforeAll(async () => {
    database = await openOrdersDatabase();
  });
  afterAll(() => database.drop());

  it('appends events, folds them back and keeps the history projection in step', async () => {
    const orderId = newId('ord');
    const placed = await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId)]);
    expect(placed.ok).toBe(true);
    const cancelled = await appendOrderEvents(database.db, orderId, 1, [{ type: 'OrderCancelled', reason: 'out of stock' }]);
    expect(cancelled.ok && cancelled.value.status).toBe('CANCELLED');

    expect(await loadOrder(database.db, orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'out of stock', version: 2 });
    expect((await readOrderEvents(database.db, orderId)).map((stored) => stored.type)).toEqual(['OrderPlaced', 'OrderCancelled']);
    expect(await findOrderHistory(database.db, orderId)).toMatchObject({
      status: 'CANCELLED',
      cancel_reason: 'out of stock',
      total_minor: 2500,
      currency: 'USD',
      lines_count: 1,
      version: 2,
    });
  });

  it('refuses an append at a version the stream has left behind, and writes nothing', async () => {
    const orderId = newId('ord');
    await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId)]);
    const stale = await appendOrderEvents(database.db, orderId, 0, [{ type: 'OrderCancelled', reason: 'late' }]);
    expect(!stale.ok && stale.error.code).toBe('ORDERS.VERSION_CONFLICT');
    expect(await readOrderEvents(database.db, orderId)).toHaveLength(1);
  });

  it('refuses to place an order whose stream another writer has started, and writes nothing', async () => {
    const orderId = newId('ord');
    await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId, 'usr_first')]);
    const second = await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId, 'usr_second')]);
    expect(!second.ok && second.error.code).toBe('ORDERS.VERSION_CONFLICT');
    expect(await readOrderEvents(database.db, orderId)).toHaveLength(1);
    expect(await findOrderHistory(database.db, orderId)).toMatchObject({ user_id: 'usr_first', version: 1 });
  });

  it('refuses an event the order does not allow, and writes nothing', async () => {
    const orderId = newId('ord');
    await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId)]);
    const early = await appendOrderEvents(database.db, orderId, 1, [{ type: 'OrderConfirmed' }]);
    expect(!early.ok && early.error.code).toBe('ORDERS.INVALID_TRANSITION');
    expect(await findOrderHistory(database.db, orderId)).toMatchObject({ status: 'PENDING', version: 1 });
  });

  it('lets exactly one of several concurrent appends at the same version win', async () => {
    const orderId = newId('ord');
    await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId)]);
    const attempts = Array.from({ length: 5 }, (_, index) =>
      database.db
        .transaction()
        .execute(async (trx) => {
          const result = await appendOrderEvents(trx, orderId, 1, [{ type: 'OrderCancelled', reason: `writer ${index}` }]);
          if (!result.ok) throw result.error;
          return result.value;
        })
        .then(
          () => 'won',
          (error: { code?: string }) => error.code,
        ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((outcome) => outcome === 'won')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'won')).toEqual(Array(4).fill('ORDERS.VERSION_CONFLICT'));
    expect(await readOrderEvents(database.db, orderId)).toHaveLength(2);
  });

  it('defers an append under the saga lock: it goes ahead of the next statement and commits with the transaction', async () => {
    const orderId = newId('ord');
    await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId)]);
    const seen = await inTransaction(database.db, async (trx) => {
      const current = await loadOrder(trx, orderId);
      const appended = await appendAfter(trx, orderId, current, [{ type: 'StockReserved', reservationId: 'res_1' }], { deferred: true });
      expect(appended.ok && appended.value).toMatchObject({ status: 'RESERVED', version: 2 });
      return loadOrder(trx, orderId);
    });
    expect(seen).toMatchObject({ status: 'RESERVED', version: 2 });
    expect(await findOrderHistory(database.db, orderId)).toMatchObject({ status: 'RESERVED', version: 2 });
  });

  it('fails the commit of a deferred append that lost a race, and writes nothing of it', async () => {
    const orderId = newId('ord');
    await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId)]);
    const stale = await loadOrder(database.db, orderId);
    await appendOrderEvents(database.db, orderId, 1, [{ type: 'StockReserved', reservationId: 'res_first' }]);
    const late = inTransaction(database.db, async (trx) => {
      await appendAfter(trx, orderId, stale, [{ type: 'StockReserved', reservationId: 'res_second' }], { deferred: true });
    });
    await expect(late).rejects.toMatchObject({ code: '23505' });
    expect(await readOrderEvents(database.db, orderId)).toHaveLength(2);
    expect(await loadOrder(database.db, orderId)).toMatchObject({ reservationId: 'res_first', version: 2 });
  });

  it('lists one user history newest first, page by page', async () => {
    const userId = newId('usr');
    const ids = [newId('ord'), newId('ord'), newId('ord')];
    for (const id of ids) await appendOrderEvents(database.db, id, 0, [orderPlaced(id, userId)]);
    const first = await listOrderHistory(database.db, { userId, before: undefined, limit: 2 });
    expect(first.map((row) => row.id)).toEqual([ids[2], ids[1]]);
    const second = await listOrderHistory(database.db, { userId, before: first[1]!.id, limit: 2 });
    expect(second.map((row) => row.id)).toEqual([ids[0]]);
  });

  it('lets a user key claim one order only', async () => {
    const userId = newId('usr');
    const claims = await Promise.all(
      ['ord_a', 'ord_b', 'ord_c'].map((orderId) =>
        database.db.transaction().execute((trx) => claimIdempotencyKey(trx, userId, 'key-12345678', { requestHash: 'h', orderId })),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await findIdempotencyKey(database.db, userId, 'key-12345678')).toMatchObject({ requestHash: 'h' });
  });
});
