import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InventoryErrors } from '@bazaar/inventory/contract';
import { InsufficientStock } from '@bazaar/inventory/main';
import { failureOf, freshSku, RENO, ROTTERDAM, startInventoryFixture, valueOf, type InventoryFixture } from './support/inventory.fixture.ts';

let fixture: InventoryFixture;
beforeAll(async () => {
  // The sweep runs only when a test calls it, so moving the clock cannot expire anything behind a test's back.
  fixture = await startInventoryFixture({ env: { INVENTORY_EXPIRY_INTERVAL_MS: '3600000' } });
});
afterAll(() => fixture.close());

let orders = 0;
const freshOrder = () => `ord_lifecycle-${++orders}`;

async function reserved(sku: string, quantity: number, options: { ttlMs?: number } = {}) {
  const orderId = freshOrder();
  const change = valueOf(await fixture.useCases.reserveStock({ orderId, lines: [{ sku, quantity }], ...options }));
  return { orderId, change };
}

const rowsOf = async (sku: string) =>
  Object.fromEntries((await fixture.stockRows(sku)).map((r) => [r.warehouse_id === ROTTERDAM ? 'rotterdam' : 'reno', { onHand: r.on_hand, reserved: r.reserved }]));

describe('reserving stock for an order', () => {
  it('holds it until the deadline: reserved grows, on hand stays, and the new level is reported', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 5, reno: 8 });
    const before = fixture.now().getTime();
    const { orderId, change } = await reserved(sku, 3, { ttlMs: 60_000 });

    expect(change.changed).toBe(true);
    expect(change.reservation).toMatchObject({ id: expect.stringMatching(/^res_/), orderId, status: 'held', lines: [{ sku, warehouseId: RENO, quantity: 3 }] });
    const expiresAt = Date.parse(change.reservation.expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(60_000);
    expect(expiresAt - before).toBeLessThan(70_000);
    expect(change.levels).toEqual([
      {
        sku,
        available: 10,
        warehouses: [
          { warehouseId: ROTTERDAM, onHand: 5, reserved: 0, available: 5, version: 1 },
          { warehouseId: RENO, onHand: 8, reserved: 3, available: 5, version: 2 },
        ].sort((a, b) => (a.warehouseId < b.warehouseId ? -1 : 1)),
      },
    ]);
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 5, reserved: 0 }, reno: { onHand: 8, reserved: 3 } });
    expect(await fixture.useCases.availability(sku)).toMatchObject({ sku, available: 10 });
  });

  it('takes a line that one warehouse can fill from that warehouse alone', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 7, reno: 2 });
    const { change } = await reserved(sku, 6);
    expect(change.reservation.lines).toEqual([{ sku, warehouseId: ROTTERDAM, quantity: 6 }]);
  });

  it('splits a line across the warehouses when neither can fill it alone', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 6, reno: 4 });
    const { change } = await reserved(sku, 9);
    expect(change.reservation.lines).toHaveLength(2);
    expect(change.reservation.lines).toEqual(
      expect.arrayContaining([
        { sku, warehouseId: ROTTERDAM, quantity: 6 },
        { sku, warehouseId: RENO, quantity: 3 },
      ]),
    );
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 6, reserved: 6 }, reno: { onHand: 4, reserved: 3 } });
  });

  it('reserves several SKUs at once, all of them or none', async () => {
    const [a, b] = [freshSku(), freshSku()];
    await fixture.stock(a, { rotterdam: 2 });
    await fixture.stock(b, { reno: 1 });
    const change = valueOf(await fixture.useCases.reserveStock({ orderId: freshOrder(), lines: [{ sku: a, quantity: 2 }, { sku: b, quantity: 1 }] }));
    expect(change.reservation.lines).toHaveLength(2);
    expect(change.levels).toHaveLength(2);
    expect(change.levels.every((level) => level.available === 0)).toBe(true);
  });

  it('fails with INSUFFICIENT_STOCK naming every short SKU when any line cannot be filled, and writes nothing', async () => {
    const [plenty, scarce, unknown] = [freshSku(), freshSku(), freshSku()];
    await fixture.stock(plenty, { rotterdam: 50 });
    await fixture.stock(scarce, { rotterdam: 1, reno: 1 });
    const before = await fixture.snapshot();
    const orderId = freshOrder();
    const error = failureOf(
      await fixture.useCases.reserveStock({
        orderId,
        lines: [
          { sku: plenty, quantity: 5 },
          { sku: scarce, quantity: 3 },
          { sku: unknown, quantity: 1 },
        ],
      }),
    );
    expect(error.code).toBe('INVENTORY.INSUFFICIENT_STOCK');
    expect(error).toBeInstanceOf(InsufficientStock);
    expect((error as InsufficientStock).shortages).toEqual(
      [
        { sku: scarce, requested: 3, available: 2 },
        { sku: unknown, requested: 1, available: 0 },
      ].sort((x, y) => (x.sku < y.sku ? -1 : 1)),
    );
    expect(await fixture.snapshot()).toEqual(before);
    // The order is free to try again once there is stock: the failed attempt left no reservation behind.
    await fixture.stock(scarce, { reno: 5 });
    await fixture.stock(unknown, { reno: 1 });
    expect(valueOf(await fixture.useCases.reserveStock({ orderId, lines: [{ sku: scarce, quantity: 3 }, { sku: unknown, quantity: 1 }] })).changed).toBe(true);
  });

  it('is refused with INVALID_RESERVATION for a malformed command, and writes nothing', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 5 });
    const before = await fixture.snapshot();
    for (const command of [
      { orderId: freshOrder(), lines: [] },
      { orderId: freshOrder(), lines: [{ sku, quantity: 0 }] },
      { orderId: freshOrder(), lines: [{ sku, quantity: -1 }] },
      { orderId: freshOrder(), lines: [{ sku, quantity: 1_000_000 }] },
      { orderId: 'has spaces', lines: [{ sku, quantity: 1 }] },
      { orderId: freshOrder(), lines: [{ sku: 'not-a-sku', quantity: 1 }] },
    ]) {
      expect(failureOf(await fixture.useCases.reserveStock(command as never)).code).toBe('INVENTORY.INVALID_RESERVATION');
    }
    expect(await fixture.snapshot()).toEqual(before);
  });
});

describe('reserving again for the same order', () => {
  it('returns the same reservation and moves no more stock', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 10 });
    const { orderId, change } = await reserved(sku, 4);
    const again = valueOf(await fixture.useCases.reserveStock({ orderId, lines: [{ sku, quantity: 4 }] }));
    expect(again.changed).toBe(false);
    expect(again.levels).toEqual([]);
    expect(again.reservation).toEqual(change.reservation);
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 10, reserved: 4 } });
  });

  it('makes one reservation when the same order arrives many times at once', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 10 });
    const orderId = freshOrder();
    const results = await Promise.all(Array.from({ length: 8 }, () => fixture.useCases.reserveStock({ orderId, lines: [{ sku, quantity: 3 }] })));
    const changes = results.map(valueOf);
    expect(new Set(changes.map((c) => c.reservation.id)).size).toBe(1);
    expect(changes.filter((c) => c.changed)).toHaveLength(1);
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 10, reserved: 3 } });
  });

  it('is refused with RESERVATION_MISMATCH when it asks for other lines, and writes nothing', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 10 });
    const { orderId } = await reserved(sku, 2);
    const before = await fixture.snapshot();
    expect(failureOf(await fixture.useCases.reserveStock({ orderId, lines: [{ sku, quantity: 3 }] })).code).toBe('INVENTORY.RESERVATION_MISMATCH');
    expect(await fixture.snapshot()).toEqual(before);
  });
});

describe('confirming a reservation', () => {
  it('lets the stock leave: on hand and reserved both drop, what is available stays', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 6, reno: 4 });
    const { orderId } = await reserved(sku, 8);
    const change = valueOf(await fixture.useCases.confirmReservation(orderId));
    expect(change.changed).toBe(true);
    expect(change.reservation.status).toBe('confirmed');
    expect(change.levels[0]).toMatchObject({ sku, available: 2 });
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 0, reserved: 0 }, reno: { onHand: 2, reserved: 0 } });
  });

  it('is idempotent: confirming again changes nothing', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 5 });
    const { orderId } = await reserved(sku, 2);
    const first = valueOf(await fixture.useCases.confirmReservation(orderId));
    const again = await Promise.all([fixture.useCases.confirmReservation(orderId), fixture.useCases.confirmReservation(orderId)]);
    for (const result of again) expect(valueOf(result)).toEqual({ ...first, changed: false, levels: [] });
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 3, reserved: 0 } });
  });

  it('is refused with RESERVATION_NOT_FOUND for an order that reserved nothing', async () => {
    expect(failureOf(await fixture.useCases.confirmReservation(freshOrder())).code).toBe(InventoryErrors.RESERVATION_NOT_FOUND.code);
  });

  it('is refused with RESERVATION_NOT_HELD once the reservation was released, and moves nothing', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 5 });
    const { orderId } = await reserved(sku, 2);
    valueOf(await fixture.useCases.releaseReservation(orderId));
    const before = await fixture.snapshot();
    expect(failureOf(await fixture.useCases.confirmReservation(orderId)).code).toBe('INVENTORY.RESERVATION_NOT_HELD');
    expect(await fixture.snapshot()).toEqual(before);
  });
});

describe('releasing a reservation', () => {
  it('gives the stock back', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 6, reno: 4 });
    const { orderId } = await reserved(sku, 9);
    const change = valueOf(await fixture.useCases.releaseReservation(orderId));
    expect(change).toMatchObject({ changed: true, reservation: { status: 'released' }, levels: [{ sku, available: 10 }] });
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 6, reserved: 0 }, reno: { onHand: 4, reserved: 0 } });
  });

  it('is idempotent: releasing again, even many times at once, gives nothing more back', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 6 });
    const { orderId } = await reserved(sku, 2);
    await reserved(sku, 1);
    const results = (await Promise.all(Array.from({ length: 5 }, () => fixture.useCases.releaseReservation(orderId)))).map(valueOf);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 6, reserved: 1 } });
  });

  it('is refused with RESERVATION_CONFIRMED once the stock has left, and moves nothing', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 6 });
    const { orderId } = await reserved(sku, 2);
    valueOf(await fixture.useCases.confirmReservation(orderId));
    const before = await fixture.snapshot();
    expect(failureOf(await fixture.useCases.releaseReservation(orderId)).code).toBe('INVENTORY.RESERVATION_CONFIRMED');
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('before the order ever reserved keeps a late reserve from holding stock', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 6 });
    const orderId = freshOrder();
    const release = valueOf(await fixture.useCases.releaseReservation(orderId));
    expect(release).toMatchObject({ changed: false, reservation: { orderId, status: 'released', lines: [] } });
    const late = valueOf(await fixture.useCases.reserveStock({ orderId, lines: [{ sku, quantity: 2 }] }));
    expect(late).toEqual({ ...release, changed: false });
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 6, reserved: 0 } });
  });
});

describe('reservations past their deadline', () => {
  it('go back to stock when the sweep runs; reservations still in time and confirmed ones are left alone', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 20 });
    const due = await reserved(sku, 3, { ttlMs: 1_000 });
    const dueToo = await reserved(sku, 2, { ttlMs: 2_000 });
    const inTime = await reserved(sku, 4, { ttlMs: 600_000 });
    const confirmed = await reserved(sku, 1, { ttlMs: 1_000 });
    valueOf(await fixture.useCases.confirmReservation(confirmed.orderId));

    const sweep = await fixture.useCases.expireReservations(new Date(fixture.now().getTime() + 60_000));
    const mine = sweep.expired.filter((r) => r.lines.some((l) => l.sku === sku));
    expect(mine.map((r) => r.orderId).sort()).toEqual([due.orderId, dueToo.orderId].sort());
    expect(mine.every((r) => r.status === 'expired')).toBe(true);
    expect(sweep.levels.find((l) => l.sku === sku)).toMatchObject({ available: 15 });
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 19, reserved: 4 } });
    expect(valueOf(await fixture.useCases.reserveStock({ orderId: inTime.orderId, lines: [{ sku, quantity: 4 }] })).reservation.status).toBe('held');
  });

  it('expire once: a second sweep finds nothing, release is a no-op and confirm is refused', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { reno: 5 });
    const { orderId } = await reserved(sku, 5, { ttlMs: 1_000 });
    const later = new Date(fixture.now().getTime() + 5_000);
    await fixture.useCases.expireReservations(later);
    const again = await fixture.useCases.expireReservations(later);
    expect(again.expired.filter((r) => r.orderId === orderId)).toEqual([]);
    expect(valueOf(await fixture.useCases.releaseReservation(orderId))).toMatchObject({ changed: false, reservation: { status: 'expired' } });
    expect(failureOf(await fixture.useCases.confirmReservation(orderId)).code).toBe('INVENTORY.RESERVATION_NOT_HELD');
    expect(await rowsOf(sku)).toEqual({ reno: { onHand: 5, reserved: 0 } });
  });

  it('can still be confirmed while the sweep has not reached them: their stock is still set aside', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { reno: 5 });
    const { orderId } = await reserved(sku, 2, { ttlMs: 1_000 });
    fixture.advanceClock(2_000);
    expect(valueOf(await fixture.useCases.confirmReservation(orderId)).reservation.status).toBe('confirmed');
    await fixture.useCases.expireReservations(new Date(fixture.now().getTime() + 60_000));
    expect(await rowsOf(sku)).toEqual({ reno: { onHand: 3, reserved: 0 } });
  });

  it('are swept in batches until none is left', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 300 });
    for (let i = 0; i < 250; i += 50) {
      await Promise.all(Array.from({ length: 50 }, () => reserved(sku, 1, { ttlMs: 1_000 })));
    }
    const sweep = await fixture.useCases.expireReservations(new Date(fixture.now().getTime() + 60_000));
    expect(sweep.expired.filter((r) => r.lines[0]?.sku === sku)).toHaveLength(250);
    expect(await rowsOf(sku)).toEqual({ rotterdam: { onHand: 300, reserved: 0 } });
  });
});

describe('the expiry runner', () => {
  it('sweeps on its interval in the background and stops cleanly with the service', async () => {
    const own = await startInventoryFixture({ env: { INVENTORY_EXPIRY_INTERVAL_MS: '50' } });
    try {
      const sku = freshSku();
      await own.stock(sku, { rotterdam: 3 });
      const orderId = 'ord_runner-1';
      valueOf(await own.useCases.reserveStock({ orderId, lines: [{ sku, quantity: 3 }], ttlMs: 1_000 }));
      own.advanceClock(2_000);
      await vi.waitFor(
        async () => {
          const [row] = await own.stockRows(sku);
          expect(row?.reserved).toBe(0);
        },
        { timeout: 10_000, interval: 50 },
      );
      expect(failureOf(await own.useCases.confirmReservation(orderId)).code).toBe('INVENTORY.RESERVATION_NOT_HELD');
    } finally {
      await own.close();
    }
  });
});

describe('setting stock below what is reserved', () => {
  it('is refused with BELOW_RESERVED, while setting it to exactly what is reserved is fine', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 10 });
    await reserved(sku, 7);
    const before = await fixture.snapshot();
    expect(failureOf(await fixture.useCases.setStock({ sku, warehouseId: ROTTERDAM, onHand: 6 })).code).toBe('INVENTORY.BELOW_RESERVED');
    expect(await fixture.snapshot()).toEqual(before);
    expect(valueOf(await fixture.useCases.setStock({ sku, warehouseId: ROTTERDAM, onHand: 7 })).level.available).toBe(0);
  });
});
