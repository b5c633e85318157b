/** The demo warehouses; fixed ids so the README and the admin console can name them. */
export const DEMO_WAREHOUSES = [
  { id: 'wh_01m80wnwzf9ehcqdynex2c0hzr', name: 'Rotterdam' },
  { id: 'wh_01m80wnwzn619sss20tcr8va7v', name: 'Reno' },
] as const;

/** Stock of one SKU in one warehouse, as the demo starts with it. */
export interface DemoStock {
  readonly sku: string;
  readonly warehouseId: string;
  readonly onHand: number;
}

/** FNV-1a: a SKU's own seed, so its stock does not depend on which other SKUs are seeded with it. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** mulberry32: tiny and plenty for demo data; never for anything an attacker could gain from predicting. */
function randomFrom(seed: number): (min: number, max: number) => number {
  let state = seed;
  return (min, max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return min + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min + 1));
  };
}

/**
 * The demo's stock: the same SKU always gets the same numbers. About one SKU in twelve is sold out, one in
 * eight is down to its last few units in one warehouse, some are stocked in one warehouse only and the rest
 * in every warehouse, so the storefront can show each case. Every SKU gets a row in every warehouse.
 */
export function planDemoStock(skus: readonly string[], warehouseIds: readonly string[]): DemoStock[] {
  if (warehouseIds.length === 0) throw new RangeError('demo stock needs at least one warehouse');
  return [...new Set(skus)].flatMap((sku) => {
    const random = randomFrom(hashOf(sku));
    const kind = random(0, 99);
    const only = random(0, warehouseIds.length - 1);
    return warehouseIds.map((warehouseId, index) => {
      const quantity = random(5, 150);
      const onHand = kind < 8 ? 0 : kind < 20 ? (index === only ? 1 + (quantity % 3) : 0) : kind < 40 ? (index === only ? quantity : 0) : quantity;
      return { sku, warehouseId, onHand };
    });
  });
}
