import { describe, expect, it } from 'vitest';
import { DEMO_WAREHOUSES, planDemoStock } from '../src/domain/demo-stock.plan.ts';

const warehouses = DEMO_WAREHOUSES.map((w) => w.id);
const catalogSkus = Array.from({ length: 600 }, (_, i) => `sku_elc-${String(i + 1).padStart(4, '0')}`);
const totals = (rows: ReturnType<typeof planDemoStock>) => {
  const bySku = new Map<string, number[]>();
  for (const row of rows) bySku.set(row.sku, [...(bySku.get(row.sku) ?? []), row.onHand]);
  return [...bySku.values()];
};

describe('the demo stock plan', () => {
  it('has two warehouses, Rotterdam and Reno, with well-formed ids', () => {
    expect(DEMO_WAREHOUSES.map((w) => w.name)).toEqual(['Rotterdam', 'Reno']);
    for (const id of warehouses) expect(id).toMatch(/^wh_[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('gives every SKU a row in every warehouse, none negative', () => {
    const rows = planDemoStock(catalogSkus, warehouses);
    expect(rows).toHaveLength(catalogSkus.length * 2);
    expect(rows.every((r) => Number.isInteger(r.onHand) && r.onHand >= 0)).toBe(true);
  });

  it('gives a SKU the same stock every time, whichever SKUs come with it and in whatever order', () => {
    const all = planDemoStock(catalogSkus, warehouses);
    const some = planDemoStock([...catalogSkus.slice(100, 120)].reverse(), warehouses);
    expect(planDemoStock(catalogSkus, warehouses)).toEqual(all);
    for (const row of some) expect(all).toContainEqual(row);
  });

  it('has sold-out SKUs, SKUs down to their last few units, SKUs in one warehouse only and SKUs in both', () => {
    const stock = totals(planDemoStock(catalogSkus, warehouses));
    const soldOut = stock.filter((counts) => counts.every((c) => c === 0)).length;
    const low = stock.filter((counts) => counts.reduce((a, b) => a + b) > 0 && counts.reduce((a, b) => a + b) <= 3).length;
    const oneWarehouse = stock.filter((counts) => counts.filter((c) => c > 0).length === 1).length;
    const both = stock.filter((counts) => counts.every((c) => c > 0)).length;
    expect(soldOut).toBeGreaterThan(20);
    expect(low).toBeGreaterThan(30);
    expect(oneWarehouse).toBeGreaterThan(60);
    expect(both).toBeGreaterThan(200);
  });

  it('stocks each SKU once when it is listed twice', () => {
    expect(planDemoStock(['sku_a', 'sku_a'], warehouses)).toHaveLength(2);
  });
});
