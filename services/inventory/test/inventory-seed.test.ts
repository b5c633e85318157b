import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '@bazaar/inventory/contract';
import { RENO, ROTTERDAM, startInventoryFixture, type InventoryFixture } from './support/inventory.fixture.ts';

const catalogSkus = Array.from({ length: 120 }, (_, i) => `sku_elc-${String(i + 1).padStart(4, '0')}`);

let fixture: InventoryFixture;
beforeAll(async () => {
  fixture = await startInventoryFixture({ seed: catalogSkus });
});
afterAll(() => fixture.close());

async function stockSnapshot(target: InventoryFixture) {
  return (await target.sql.query('SELECT sku, warehouse_id, on_hand, reserved FROM stock ORDER BY sku, warehouse_id')).rows;
}

describe('the demo inventory', () => {
  it('stocks every given SKU in both warehouses, with some sold out and some down to the last few', async () => {
    const rows = await stockSnapshot(fixture);
    expect(rows).toHaveLength(catalogSkus.length * 2);
    expect(new Set(rows.map((r) => r.warehouse_id))).toEqual(new Set([ROTTERDAM, RENO]));
    const availability = await Promise.all(catalogSkus.map(async (sku) => (await fixture.request('GET', `/api/inventory/${sku}`)).json<Availability>()));
    expect(availability.some((a) => a.available === 0)).toBe(true);
    expect(availability.some((a) => a.available > 0 && a.available <= 3)).toBe(true);
    expect(availability.some((a) => a.warehouses.every((w) => w.available > 0))).toBe(true);
  });

  it('is seeded only once: a second call creates nothing', async () => {
    const before = await stockSnapshot(fixture);
    expect(await fixture.service.seedIfEmpty(['sku_other-1'])).toEqual({ created: 0 });
    expect(await stockSnapshot(fixture)).toEqual(before);
  });

  it('is the same in two fresh databases', async () => {
    const other = await startInventoryFixture({ seed: catalogSkus });
    try {
      expect(await stockSnapshot(other)).toEqual(await stockSnapshot(fixture));
    } finally {
      await other.close();
    }
  });

  it('is seeded once when two replicas seed the same empty database at the same time', async () => {
    const empty = await startInventoryFixture();
    try {
      const replica = await empty.startReplica();
      const results = await Promise.all([empty.service.seedIfEmpty(catalogSkus), replica.seedIfEmpty(catalogSkus)]);
      expect(results.map((r) => r.created).sort((a, b) => a - b)).toEqual([0, catalogSkus.length]);
      expect(await stockSnapshot(empty)).toHaveLength(catalogSkus.length * 2);
    } finally {
      await empty.close();
    }
  });

  it('refuses a malformed SKU and writes nothing', async () => {
    const empty = await startInventoryFixture();
    try {
      await expect(empty.service.seedIfEmpty(['sku_fine', 'Not A Sku'])).rejects.toThrow(/malformed SKU/);
      expect(await stockSnapshot(empty)).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
