import { newId } from '@bazaar/platform/ids';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { watchSettledOrders, type SettledOrders } from '../src/app/settled-orders.watcher.ts';
import { appendOrderEvents } from '../src/store/order-stream.repository.ts';
import { openOrdersDatabase, orderPlaced } from './support/orders-database.fixture.ts';

describe('waking checkouts when their order settles', () => {
  let database: Awaited<ReturnType<typeof openOrdersDatabase>>;
  let settled: SettledOrders;
  let connected = false;
  beforeAll(async () => {
    database = await openOrdersDatabase();
    // The watcher under test, and a probe on the same channel that tells when the listening connection is up.
    settled = watchSettledOrders(database);
    const probe = database.listen('orders_settled', (payload) => {
      if (payload === undefined) connected = true;
    });
    await vi.waitFor(() => expect(connected).toBe(true), { timeout: 5_000, interval: 10 });
    await probe.close();
  });
  afterAll(async () => {
    await settled.close();
    await database.drop();
  });

  it('wakes the watcher of an order as soon as its final event commits, and not for a step on the way', async () => {
    const orderId = newId('ord');
    await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId)]);
    const other = newId('ord');
    await appendOrderEvents(database.db, other, 0, [orderPlaced(other)]);

    let woken = false;
    const waiting = settled
      .watch(orderId)
      .within(10_000)
      .then((settledNow) => {
        woken = true;
        return settledNow;
      });
    await appendOrderEvents(database.db, other, 1, [{ type: 'OrderCancelled', reason: 'someone else’s order' }]);
    await appendOrderEvents(database.db, orderId, 1, [{ type: 'StockReserved', reservationId: 'res_1' }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(woken).toBe(false);

    const began = performance.now();
    await appendOrderEvents(database.db, orderId, 2, [{ type: 'OrderCancelled', reason: 'payment declined' }]);
    expect(await waiting).toBe(true);
    expect(performance.now() - began).toBeLessThan(5_000);
  });

  it('lets the wait run out when the order does not settle', async () => {
    const orderId = newId('ord');
    await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId)]);

    const began = performance.now();
    const settledNow = await settled.watch(orderId).within(150);

    expect(settledNow).toBe(false);
    expect(performance.now() - began).toBeGreaterThanOrEqual(140);
  });

  it('does not miss a settlement that commits between starting to watch and waiting', async () => {
    const orderId = newId('ord');
    await appendOrderEvents(database.db, orderId, 0, [orderPlaced(orderId)]);
    const watch = settled.watch(orderId);
    await appendOrderEvents(database.db, orderId, 1, [{ type: 'OrderCancelled', reason: 'declined' }]);
    // Give the notification time to arrive before the wait begins.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const began = performance.now();
    const settledNow = await watch.within(10_000);

    expect(settledNow).toBe(true);
    expect(performance.now() - began).toBeLessThan(50);
  });
});
