import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, Result } from '@bazaar/platform/errors';
import type { InsufficientStock } from '@bazaar/inventory/main';
import { freshSku, RENO, ROTTERDAM, startInventoryFixture, type InventoryFixture } from './support/inventory.fixture.ts';

const CONTENDERS = 50;

let fixture: InventoryFixture;
beforeAll(async () => {
  // One pool connection per contender, so all of them really are in the database at the same time.
  fixture = await startInventoryFixture({ env: { INVENTORY_DB_POOL_SIZE: String(CONTENDERS), INVENTORY_EXPIRY_INTERVAL_MS: '3600000' } });
});
afterAll(() => fixture.close());

/** Opens every connection of the service's pool up front, so the race is not staggered by connection set-up. */
async function openAllConnections(): Promise<void> {
  await Promise.all(Array.from({ length: CONTENDERS }, () => fixture.useCases.availability('sku_warm-up')));
  const { rows } = await fixture.sql.query<{ count: string }>('SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()');
  expect(Number(rows[0]!.count)).toBeGreaterThanOrEqual(CONTENDERS);
}

const EXPECTED_FAILURES = new Set([
  'INVENTORY.INSUFFICIENT_STOCK',
  'INVENTORY.RESERVATION_MISMATCH',
  'INVENTORY.RESERVATION_NOT_FOUND',
  'INVENTORY.RESERVATION_NOT_HELD',
  'INVENTORY.RESERVATION_CONFIRMED',
  'INVENTORY.BELOW_RESERVED',
]);
const expectOnlyExpectedFailures = (results: readonly Result<unknown, AppError>[]) => {
  for (const result of results) if (!result.ok) expect(EXPECTED_FAILURES).toContain(result.error.code);
};

describe('fifty checkouts competing for the last ten units', () => {
  it('reserve exactly ten; the other forty fail with INSUFFICIENT_STOCK and the invariant holds', async () => {
    const sku = freshSku('last-ten');
    await fixture.stock(sku, { rotterdam: 6, reno: 4 });
    await openAllConnections();

    const results = await Promise.all(
      Array.from({ length: CONTENDERS }, (_, i) => fixture.useCases.reserveStock({ orderId: `ord_race-${i}`, lines: [{ sku, quantity: 1 }] })),
    );

    const succeeded = results.filter((r) => r.ok);
    const failed = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(succeeded).toHaveLength(10);
    expect(failed).toHaveLength(40);
    for (const error of failed) {
      expect(error.code).toBe('INVENTORY.INSUFFICIENT_STOCK');
      expect((error as InsufficientStock).shortages).toEqual([{ sku, requested: 1, available: 0 }]);
    }
    expect(await fixture.stockRows(sku)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ warehouse_id: ROTTERDAM, on_hand: 6, reserved: 6 }),
        expect.objectContaining({ warehouse_id: RENO, on_hand: 4, reserved: 4 }),
      ]),
    );
    const { rows } = await fixture.sql.query<{ count: string }>('SELECT count(*) FROM reservation_lines WHERE sku = $1', [sku]);
    expect(Number(rows[0]!.count)).toBe(10);
    await fixture.expectLedgerBalanced(sku, { [ROTTERDAM]: 6, [RENO]: 4 });
  });

  it('then confirm and release concurrently, each more than once, and the stock adds up', async () => {
    const sku = freshSku('settle');
    await fixture.stock(sku, { rotterdam: 6, reno: 4 });
    const orderIds = Array.from({ length: 10 }, (_, i) => `ord_settle-${i}`);
    await Promise.all(orderIds.map((orderId) => fixture.useCases.reserveStock({ orderId, lines: [{ sku, quantity: 1 }] })));

    const settled = await Promise.all(
      orderIds.flatMap((orderId, i) => {
        const settle = () => (i % 2 === 0 ? fixture.useCases.confirmReservation(orderId) : fixture.useCases.releaseReservation(orderId));
        return [settle(), settle(), settle()];
      }),
    );
    expect(settled.every((r) => r.ok)).toBe(true);
    const rows = await fixture.stockRows(sku);
    expect(rows.reduce((sum, r) => sum + r.on_hand, 0)).toBe(5);
    expect(rows.reduce((sum, r) => sum + r.reserved, 0)).toBe(0);
    await fixture.expectLedgerBalanced(sku, { [ROTTERDAM]: 6, [RENO]: 4 });
  });
});

type Operation =
  | { kind: 'reserve'; order: number; quantity: number; ttlMs: number }
  | { kind: 'release' | 'confirm'; order: number }
  | { kind: 'expire' };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('reserve' as const), order: fc.nat(14), quantity: fc.integer({ min: 1, max: 4 }), ttlMs: fc.constantFrom(1_000, 600_000) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), order: fc.nat(14) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('confirm' as const), order: fc.nat(14) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
);

describe('any mix of concurrent reservations, confirmations, releases and expiry sweeps', () => {
  it('never oversells: reserved stays between zero and on hand, and the ledger balances', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.array(operation, { minLength: 10, maxLength: CONTENDERS - 5 }),
        async (rotterdam, reno, operations) => {
          run += 1;
          const sku = freshSku('mix');
          await fixture.stock(sku, { rotterdam, reno });
          const order = (n: number) => `ord_mix-${run}-${n}`;
          const results = await Promise.all(
            operations.map(async (op): Promise<Result<unknown, AppError>> => {
              switch (op.kind) {
                case 'reserve':
                  return fixture.useCases.reserveStock({ orderId: order(op.order), lines: [{ sku, quantity: op.quantity }], ttlMs: op.ttlMs });
                case 'release':
                  return fixture.useCases.releaseReservation(order(op.order));
                case 'confirm':
                  return fixture.useCases.confirmReservation(order(op.order));
                case 'expire':
                  return { ok: true, value: await fixture.useCases.expireReservations(new Date(fixture.now().getTime() + 30_000)) };
              }
            }),
          );
          expectOnlyExpectedFailures(results);
          await fixture.expectLedgerBalanced(sku, { [ROTTERDAM]: rotterdam, [RENO]: reno });
        },
      ),
      { numRuns: 12 },
    );
  });

  it('never lets an administrator set stock below what is reserved, however the changes interleave', async () => {
    const sku = freshSku('recount');
    await fixture.stock(sku, { rotterdam: 20 });
    const counts = [3, 17, 0, 12, 20, 8, 5, 14, 1, 19];
    const results = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => fixture.useCases.reserveStock({ orderId: `ord_recount-${i}`, lines: [{ sku, quantity: 1 }] })),
      ...counts.map((onHand) => fixture.useCases.setStock({ sku, warehouseId: ROTTERDAM, onHand })),
      ...Array.from({ length: 8 }, (_, i) => fixture.useCases.releaseReservation(`ord_recount-${i * 3}`)),
    ]);
    expectOnlyExpectedFailures(results);
    const [row] = await fixture.stockRows(sku);
    const { rows } = await fixture.sql.query<{ held: string | null }>(
      `SELECT sum(l.quantity) AS held FROM reservation_lines l JOIN reservations r ON r.id = l.reservation_id WHERE l.sku = $1 AND r.status = 'held'`,
      [sku],
    );
    expect(row!.reserved).toBe(Number(rows[0]!.held ?? 0));
    expect(row!.reserved).toBeGreaterThanOrEqual(0);
    expect(row!.reserved).toBeLessThanOrEqual(row!.on_hand);
  });
});
