import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { CreateProduct, SKU_PATTERN } from '../src/contract/index.ts';
import { checkProductFields } from '../src/domain/product.rules.ts';
import { BLUEPRINTS, generateCatalog } from '../src/domain/seed/catalog-seed.generator.ts';
import { seededRandom } from '../src/domain/seed/seeded-random.ts';

const catalog = generateCatalog({ seed: 42, productCount: 600 });

describe('the seeded random source', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws integers within the bounds, both ends included', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 2000 }, () => random.int(3, 6));
    expect(new Set(draws)).toEqual(new Set([3, 4, 5, 6]));
  });
});

describe('the demo catalog generator', () => {
  it('makes the same catalog from the same seed, and another from another seed', () => {
    expect(generateCatalog({ seed: 42, productCount: 600 })).toEqual(catalog);
    expect(generateCatalog({ seed: 43, productCount: 600 }).products.map((p) => p.name)).not.toEqual(catalog.products.map((p) => p.name));
  });

  it('spreads the products evenly over at least ten categories', () => {
    expect(catalog.categories.length).toBeGreaterThanOrEqual(10);
    const counts = catalog.categories.map((c) => catalog.products.filter((p) => p.categorySlug === c.slug).length);
    expect(counts.every((n) => n === 50)).toBe(true);
  });

  it('gives every product a distinct name and a distinct SKU of the published shape', () => {
    expect(new Set(catalog.products.map((p) => p.name)).size).toBe(600);
    expect(new Set(catalog.products.map((p) => p.sku)).size).toBe(600);
    expect(catalog.products.every((p) => new RegExp(SKU_PATTERN).test(p.sku))).toBe(true);
  });

  it('keeps names distinct even when asked for more products than its vocabulary has', () => {
    const large = generateCatalog({ seed: 1, productCount: 6000 });
    expect(new Set(large.products.map((p) => p.name)).size).toBe(6000);
  });

  it('makes products an administrator could have entered through the API', () => {
    const bodies = catalog.products.map((p) => ({
      sku: p.sku,
      name: p.name,
      description: p.description,
      categoryId: 'cat_01jd3x00000000000000000000',
      priceMinor: p.priceMinor,
      currency: p.currency,
      attributes: p.attributes,
    }));
    expect(bodies.filter((b) => !Value.Check(CreateProduct, b) || !checkProductFields(b).ok)).toEqual([]);
  });

  it('prices each category like a shop would', () => {
    const prices = (slug: string) => catalog.products.filter((p) => p.categorySlug === slug).map((p) => p.priceMinor);
    expect(Math.max(...prices('grocery'))).toBeLessThan(5_000);
    expect(Math.min(...prices('electronics'))).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...prices('books'))).toBeLessThan(4_000);
    expect(catalog.products.every((p) => [0, 49, 95, 99].includes(p.priceMinor % 100))).toBe(true);
  });

  it('has a blueprint for every category it creates', () => {
    expect(BLUEPRINTS.map((b) => b.category.slug)).toEqual(catalog.categories.map((c) => c.slug));
  });
});
