import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogFixture, type CatalogFixture } from './support/catalog.fixture.ts';

let fixture: CatalogFixture;
beforeAll(async () => {
  fixture = await startCatalogFixture();
});
afterAll(() => fixture.close());

async function catalogSnapshot(target: CatalogFixture) {
  const { rows } = await target.sql.query(
    `SELECT p.sku, p.name, p.description, p.price_minor, p.currency, p.attributes, c.slug
       FROM products p JOIN categories c ON c.id = p.category_id ORDER BY p.sku`,
  );
  return rows;
}

describe('the demo catalog', () => {
  it('holds at least 500 products in at least 10 categories, none of them empty', async () => {
    const categories = await fixture.categories();
    expect(categories.length).toBeGreaterThanOrEqual(10);
    expect(categories.every((c) => c.productCount > 0)).toBe(true);
    expect(categories.reduce((sum, c) => sum + c.productCount, 0)).toBeGreaterThanOrEqual(500);
    expect(await fixture.countProducts()).toBeGreaterThanOrEqual(500);
  });

  it('is seeded only once: a second call on a filled catalog creates nothing', async () => {
    const before = await fixture.countProducts();
    expect(await fixture.service.seedIfEmpty()).toEqual({ created: 0 });
    expect(await fixture.countProducts()).toBe(before);
  });

  it('is the same in two fresh databases: same SKUs, names, descriptions, prices and attributes', async () => {
    const other = await startCatalogFixture();
    try {
      const [mine, theirs] = await Promise.all([catalogSnapshot(fixture), catalogSnapshot(other)]);
      expect(theirs.length).toBe(mine.length);
      expect(theirs).toEqual(mine);
    } finally {
      await other.close();
    }
  });

  it('is seeded once when two replicas seed the same empty database at the same time', async () => {
    const empty = await startCatalogFixture({ seed: false });
    try {
      const results = await Promise.all([empty.service.seedIfEmpty(), empty.service.seedIfEmpty()]);
      expect(results.map((r) => r.created).sort((a, b) => a - b)).toEqual([0, 600]);
      expect(await empty.countProducts()).toBe(600);
    } finally {
      await empty.close();
    }
  });

  it('is seeded in well under a second', async () => {
    const empty = await startCatalogFixture({ seed: false });
    try {
      const started = performance.now();
      const { created } = await empty.service.seedIfEmpty();
      const elapsed = performance.now() - started;
      expect(created).toBe(600);
      expect(elapsed).toBeLessThan(1000);
    } finally {
      await empty.close();
    }
  });

  it('gives products the attributes their category calls for', async () => {
    const { rows } = await fixture.sql.query<{ slug: string; attributes: Record<string, unknown> }>(
      'SELECT c.slug, p.attributes FROM products p JOIN categories c ON c.id = p.category_id',
    );
    const of = (slug: string) => rows.filter((r) => r.slug === slug).map((r) => r.attributes);
    expect(of('books').every((a) => typeof a['author'] === 'string' && typeof a['pages'] === 'number' && /^97[89]\d{10}$/.test(String(a['isbn'])))).toBe(true);
    expect(of('clothing').every((a) => Array.isArray(a['sizes']) && typeof a['material'] === 'string' && typeof a['color'] === 'string')).toBe(true);
    expect(of('electronics').every((a) => typeof a['brand'] === 'string' && typeof a['warrantyMonths'] === 'number')).toBe(true);
    expect(of('grocery').every((a) => typeof a['organic'] === 'boolean' && typeof a['origin'] === 'string')).toBe(true);
  });

  it('describes every product in several sentences', async () => {
    const { rows } = await fixture.sql.query<{ description: string }>('SELECT description FROM products');
    expect(rows.every((r) => r.description.split(/(?<=\.)\s+(?=[A-Z])/).length >= 4)).toBe(true);
  });

  it('finds, for the first word of any product name, only products whose text contains that word', async () => {
    // Shoppers search for the words they see, and the brand or title comes first: stemming must not turn
    // such a word into one that matches products where it appears nowhere.
    const names = await fixture.sql.query<{ name: string }>('SELECT name FROM products');
    const words = [...new Set(names.rows.map((r) => r.name.split(/\s+/).find((w) => /^[A-Za-z]{4,}$/.test(w))).filter((w) => w !== undefined))];
    const { rows } = await fixture.sql.query<{ word: string; strays: number }>(
      `SELECT word, (SELECT count(*) FROM products p
                      WHERE p.search @@ websearch_to_tsquery('english', word)
                        AND position(lower(left(word, 4)) IN lower(p.name || ' ' || p.description)) = 0)::int AS strays
         FROM unnest($1::text[]) AS word`,
      [words],
    );
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((r) => r.strays > 0)).toEqual([]);
  });
});
