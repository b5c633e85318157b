import { type Kysely, sql } from '@bazaar/platform/db';
import type { CategoryRecord } from '../domain/product.model.ts';
import type { CatalogTables } from './catalog.tables.ts';

/** A category to create. */
export interface NewCategory {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
}

/** Categories, with how many products each one holds. */
export function createCategoryRepository(db: Kysely<CatalogTables>) {
  return {
    async list(): Promise<CategoryRecord[]> {
      const rows = await db
        .selectFrom('categories as c')
        .leftJoin('products as p', 'p.category_id', 'c.id')
        .select(['c.id', 'c.slug', 'c.name', 'c.description'])
        .select(sql<number>`count(p.id)::int`.as('product_count'))
        .groupBy('c.id')
        .orderBy('c.name', 'asc')
        .execute();
      return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, description: row.description, productCount: row.product_count }));
    },

    async exists(id: string): Promise<boolean> {
      const row = await db.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    },

    /** Creates the category, or returns undefined when its slug is taken. */
    async insert(category: NewCategory): Promise<CategoryRecord | undefined> {
      const row = await db
        .insertInto('categories')
        .values(category)
        .onConflict((conflict) => conflict.column('slug').doNothing())
        .returning(['id', 'slug', 'name', 'description'])
        .executeTakeFirst();
      return row && { ...row, productCount: 0 };
    },

    /** Creates the categories that do not exist yet (by slug) and returns the id of every one, by slug. */
    async ensure(categories: readonly NewCategory[]): Promise<Map<string, string>> {
      if (categories.length === 0) return new Map();
      await db
        .insertInto('categories')
        .values([...categories])
        .onConflict((conflict) => conflict.column('slug').doNothing())
        .execute();
      const rows = await db
        .selectFrom('categories')
        .select(['id', 'slug'])
        .where('slug', 'in', categories.map((c) => c.slug))
        .execute();
      return new Map(rows.map((row) => [row.slug, row.id]));
    },
  };
}

export type CategoryRepository = ReturnType<typeof createCategoryRepository>;
