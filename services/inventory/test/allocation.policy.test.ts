import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type WarehouseAvailability } from '../src/domain/allocation.policy.ts';

const stockOf = (entries: Record<string, Record<string, number>>) =>
  new Map(Object.entries(entries).map(([sku, byWarehouse]) => [sku, Object.entries(byWarehouse).map(([warehouseId, available]) => ({ warehouseId, available }))]));

describe('allocating a reservation', () => {
  it('takes a line one warehouse can fill from that warehouse alone, the one with the most to spare', () => {
    const result = allocate([{ sku: 'sku_a', quantity: 3 }], stockOf({ sku_a: { wh_1: 4, wh_2: 9 } }));
    expect(result).toEqual({ ok: true, value: [{ sku: 'sku_a', warehouseId: 'wh_2', quantity: 3 }] });
  });

  it('breaks a tie between warehouses by id, so the same stock always allocates the same way', () => {
    const result = allocate([{ sku: 'sku_a', quantity: 2 }], stockOf({ sku_a: { wh_2: 5, wh_1: 5 } }));
    expect(result).toEqual({ ok: true, value: [{ sku: 'sku_a', warehouseId: 'wh_1', quantity: 2 }] });
  });

  it('splits a line no warehouse can fill alone, largest share first', () => {
    const result = allocate([{ sku: 'sku_a', quantity: 10 }], stockOf({ sku_a: { wh_1: 4, wh_2: 6, wh_3: 3 } }));
    expect(result).toEqual({
      ok: true,
      value: [
        { sku: 'sku_a', warehouseId: 'wh_2', quantity: 6 },
        { sku: 'sku_a', warehouseId: 'wh_1', quantity: 4 },
      ],
    });
  });

  it('fails the whole request when any line is short, naming every short SKU with what is left', () => {
    const result = allocate(
      [
        { sku: 'sku_a', quantity: 2 },
        { sku: 'sku_b', quantity: 5 },
        { sku: 'sku_c', quantity: 1 },
      ],
      stockOf({ sku_a: { wh_1: 9 }, sku_b: { wh_1: 2, wh_2: 2 } }),
    );
    expect(result).toEqual({
      ok: false,
      error: [
        { sku: 'sku_b', requested: 5, available: 4 },
        { sku: 'sku_c', requested: 1, available: 0 },
      ],
    });
  });

  it('does not promise the same units twice when a SKU is asked for in two lines', () => {
    const stock = stockOf({ sku_a: { wh_1: 3 } });
    expect(allocate([{ sku: 'sku_a', quantity: 2 }, { sku: 'sku_a', quantity: 2 }], stock)).toEqual({ ok: false, error: [{ sku: 'sku_a', requested: 2, available: 1 }] });
  });
});

const warehouseIds = ['wh_1', 'wh_2', 'wh_3'];
const skus = ['sku_a', 'sku_b', 'sku_c', 'sku_d'];

const stockArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...skus), fc.subarray(warehouseIds, { minLength: 0 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 })))
  .map((entries) => {
    const stock = new Map<string, WarehouseAvailability[]>();
    for (const [sku, warehouses, amounts] of entries) stock.set(sku, warehouses.map((warehouseId, i) => ({ warehouseId, available: amounts[i]! })));
    return stock;
  });
const linesArbitrary = fc.array(fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 6 });
const uniqueLinesArbitrary = fc.uniqueArray(fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 40 }) }), {
  minLength: 1,
  maxLength: 4,
  selector: (line) => line.sku,
});

const availableIn = (stock: ReadonlyMap<string, readonly WarehouseAvailability[]>, sku: string, warehouseId?: string) =>
  (stock.get(sku) ?? []).filter((w) => warehouseId === undefined || w.warehouseId === warehouseId).reduce((sum, w) => sum + w.available, 0);

describe('allocation, for any stock and any request', () => {
  it('never takes more from a warehouse than it has available, nor a part of zero', () => {
    fc.assert(
      fc.property(stockArbitrary, linesArbitrary, (stock, lines) => {
        const result = allocate(lines, stock);
        if (!result.ok) return;
        const taken = new Map<string, number>();
        for (const part of result.value) {
          expect(part.quantity).toBeGreaterThan(0);
          const key = `${part.sku}/${part.warehouseId}`;
          taken.set(key, (taken.get(key) ?? 0) + part.quantity);
        }
        for (const [key, quantity] of taken) {
          const [sku, warehouseId] = key.split('/') as [string, string];
          expect(quantity).toBeLessThanOrEqual(availableIn(stock, sku, warehouseId));
        }
      }),
    );
  });

  it('allocates exactly what each SKU asks for in total, or fails', () => {
    fc.assert(
      fc.property(stockArbitrary, linesArbitrary, (stock, lines) => {
        const result = allocate(lines, stock);
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          return;
        }
        for (const sku of new Set(lines.map((l) => l.sku))) {
          const requested = lines.filter((l) => l.sku === sku).reduce((sum, l) => sum + l.quantity, 0);
          expect(result.value.filter((p) => p.sku === sku).reduce((sum, p) => sum + p.quantity, 0)).toBe(requested);
        }
      }),
    );
  });

  it('fails exactly when some SKU has less available in all warehouses together than asked, and names those SKUs', () => {
    fc.assert(
      fc.property(stockArbitrary, uniqueLinesArbitrary, (stock, lines) => {
        const short = lines.filter((l) => availableIn(stock, l.sku) < l.quantity);
        const result = allocate(lines, stock);
        expect(result.ok).toBe(short.length === 0);
        if (!result.ok) expect(result.error).toEqual(short.map((l) => ({ sku: l.sku, requested: l.quantity, available: availableIn(stock, l.sku) })));
      }),
    );
  });

  it('takes a line from one warehouse whenever one warehouse can fill it', () => {
    fc.assert(
      fc.property(stockArbitrary, uniqueLinesArbitrary, (stock, lines) => {
        const result = allocate(lines, stock);
        if (!result.ok) return;
        for (const line of lines) {
          const fitsOne = (stock.get(line.sku) ?? []).some((w) => w.available >= line.quantity);
          if (fitsOne) expect(result.value.filter((p) => p.sku === line.sku)).toHaveLength(1);
        }
      }),
    );
  });
});
