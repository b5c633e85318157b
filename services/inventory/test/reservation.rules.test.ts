import { describe, expect, it } from 'vitest';
import { checkReservationRequest } from '../src/domain/reservation-request.rules.ts';
import { sameRequest, stockChangesFor } from '../src/domain/reservation.model.ts';

const lines = [
  { sku: 'sku_a', warehouseId: 'wh_1', quantity: 2 },
  { sku: 'sku_a', warehouseId: 'wh_2', quantity: 3 },
  { sku: 'sku_b', warehouseId: 'wh_1', quantity: 1 },
];

describe('the stock a reservation moves', () => {
  it('is set aside when held: reserved grows, on hand stays', () => {
    expect(stockChangesFor('held', lines)).toEqual([
      { sku: 'sku_a', warehouseId: 'wh_1', onHandDelta: 0, reservedDelta: 2 },
      { sku: 'sku_a', warehouseId: 'wh_2', onHandDelta: 0, reservedDelta: 3 },
      { sku: 'sku_b', warehouseId: 'wh_1', onHandDelta: 0, reservedDelta: 1 },
    ]);
  });

  it('leaves when confirmed: on hand and reserved both drop, so what is available does not change', () => {
    expect(stockChangesFor('confirmed', lines.slice(0, 1))).toEqual([{ sku: 'sku_a', warehouseId: 'wh_1', onHandDelta: -2, reservedDelta: -2 }]);
  });

  it('goes back when released or expired', () => {
    for (const outcome of ['released', 'expired'] as const) {
      expect(stockChangesFor(outcome, lines.slice(2))).toEqual([{ sku: 'sku_b', warehouseId: 'wh_1', onHandDelta: 0, reservedDelta: -1 }]);
    }
  });

  it('is added up when two lines name the same SKU and warehouse', () => {
    expect(stockChangesFor('held', [lines[0]!, lines[0]!])).toEqual([{ sku: 'sku_a', warehouseId: 'wh_1', onHandDelta: 0, reservedDelta: 4 }]);
  });
});

describe('a repeated reservation request', () => {
  it('matches the stored reservation when it asks for the same quantities per SKU, however they were split', () => {
    expect(sameRequest(lines, [{ sku: 'sku_b', quantity: 1 }, { sku: 'sku_a', quantity: 5 }])).toBe(true);
  });

  it('does not match when a quantity or a SKU differs', () => {
    expect(sameRequest(lines, [{ sku: 'sku_a', quantity: 5 }])).toBe(false);
    expect(sameRequest(lines, [{ sku: 'sku_a', quantity: 4 }, { sku: 'sku_b', quantity: 1 }])).toBe(false);
    expect(sameRequest(lines, [{ sku: 'sku_a', quantity: 5 }, { sku: 'sku_c', quantity: 1 }])).toBe(false);
  });
});

describe('the reservation request rules', () => {
  it('accept a well-formed command, adding up lines of the same SKU and ordering them by SKU', () => {
    const result = checkReservationRequest({
      orderId: 'ord_01jd3x0000000000000000000',
      lines: [
        { sku: 'sku_b', quantity: 1 },
        { sku: 'sku_a', quantity: 2 },
        { sku: 'sku_b', quantity: 4 },
      ],
      ttlMs: 60_000,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        orderId: 'ord_01jd3x0000000000000000000',
        lines: [
          { sku: 'sku_a', quantity: 2 },
          { sku: 'sku_b', quantity: 5 },
        ],
        ttlMs: 60_000,
      },
    });
  });

  it.each<[string, unknown, string]>([
    ['no lines', { orderId: 'ord_1', lines: [] }, 'lines'],
    ['a quantity of zero', { orderId: 'ord_1', lines: [{ sku: 'sku_a', quantity: 0 }] }, 'lines.0.quantity'],
    ['a negative quantity', { orderId: 'ord_1', lines: [{ sku: 'sku_a', quantity: -3 }] }, 'lines.0.quantity'],
    ['a fractional quantity', { orderId: 'ord_1', lines: [{ sku: 'sku_a', quantity: 1.5 }] }, 'lines.0.quantity'],
    ['an absurd quantity', { orderId: 'ord_1', lines: [{ sku: 'sku_a', quantity: 1e9 }] }, 'lines.0.quantity'],
    ['an absurd total of one SKU over several lines', { orderId: 'ord_1', lines: [{ sku: 'sku_a', quantity: 6000 }, { sku: 'sku_a', quantity: 6000 }] }, 'lines'],
    ['a malformed SKU', { orderId: 'ord_1', lines: [{ sku: 'SKU 1', quantity: 1 }] }, 'lines.0.sku'],
    ['an empty order id', { orderId: '', lines: [{ sku: 'sku_a', quantity: 1 }] }, 'orderId'],
    ['an order id with spaces', { orderId: 'ord 1', lines: [{ sku: 'sku_a', quantity: 1 }] }, 'orderId'],
    ['a time to live under a second', { orderId: 'ord_1', lines: [{ sku: 'sku_a', quantity: 1 }], ttlMs: 5 }, 'ttlMs'],
    ['a field the command does not have', { orderId: 'ord_1', lines: [{ sku: 'sku_a', quantity: 1 }], priority: 'high' }, 'priority'],
    ['something that is not a command at all', 'reserve please', '(command)'],
  ])('refuse %s, naming the field', (_why, command, path) => {
    const result = checkReservationRequest(command);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((e) => e.path)).toContain(path);
  });

  it('refuse more than a hundred lines', () => {
    const lines = Array.from({ length: 101 }, (_, i) => ({ sku: `sku_item-${i}`, quantity: 1 }));
    expect(checkReservationRequest({ orderId: 'ord_1', lines }).ok).toBe(false);
  });
});
