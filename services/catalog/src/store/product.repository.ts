import { type Kysely, sql } from '@bazaar/platform/db';
import type { PageKey } from '../domain/cursor.codec.ts';
import type { ListingPlan } from '../domain/listing.policy.ts';
import type { NewProduct, ProductChanges, ProductRecord } from '../domain/product.model.ts';
import type { CatalogTables } from './catalog.tables.ts';

const FOREIGN_KEY_VIOLATION = '23503';
/** Batches stay far below PostgreSQL's 65 535 bind parameters per statement. */
const INSERT_BATCH = 1000;

function withCategory(db: Kysely<CatalogTables>) {
  return db
    .selectFrom('products as p')
    .innerJoin('categories as c', 'c.id', 'p.category_id')
    .select([
      'p.id',
      'p.sku',
      'p.name',
      'p.description',
      'p.price_minor',
      'p.currency',
      'p.attributes',
      'p.created_at',
      'p.updated_at',
      'p.version',
      'c.id as category_id',
      'c.slug as category_slug',
      'c.name as category_name',
    ]);
}

type ProductRow = Awaited<ReturnType<ReturnType<typeof withCategory>['executeTakeFirstOrThrow']>>;

function toRecord(row: ProductRow): ProductRecord {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    category: { id: row.category_id, slug: row.category_slug, name: row.category_name },
    priceMinor: row.price_minor,
    currency: row.currency,
    attributes: row.attributes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function keyOf(sort: PageKey['sort'], record: ProductRecord, rank: string | undefined): PageKey {
  switch (sort) {
    case 'newest':
      return { sort, id: record.id };
    case 'price_asc':
    case 'price_desc':
      return { sort, priceMinor: record.priceMinor, id: record.id };
    case 'name':
      return { sort, name: record.name, id: record.id };
    case 'relevance':
      return { sort, rank: rank ?? '0', id: record.id };
  }
}

/** The page the plan asks for, and the key the next page starts after (none on the last page). */
export interface ProductPageResult {
  readonly items: ProductRecord[];
  readonly next: PageKey | undefined;
}

/** Products, read with their category; listings are keyset-paginated in every order. */
export function createProductRepository(db: Kysely<CatalogTables>) {
  return {
    async findById(id: string): Promise<ProductRecord | undefined> {
      const row = await withCategory(db).where('p.id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },

    async page(plan: ListingPlan): Promise<ProductPageResult> {
      // websearch_to_tsquery accepts any text (quotes, operators, stray punctuation) without a syntax error.
      const query = plan.search === undefined ? undefined : sql`websearch_to_tsquery('english', ${plan.search})`;
      const rank = query && sql<string>`round(ts_rank_cd(p.search, ${query})::numeric, 6)`;
      let select = withCategory(db).select(rank ? rank.as('rank') : sql<string | null>`null`.as('rank'));
      if (query) select = select.where(sql<boolean>`p.search @@ ${query}`);
      if (plan.category !== undefined) {
        const category = plan.category;
        select = select.where((eb) => eb.or([eb('c.id', '=', category), eb('c.slug', '=', category)]));
      }
      if (plan.minPrice !== undefined) select = select.where('p.price_minor', '>=', plan.minPrice);
      if (plan.maxPrice !== undefined) select = select.where('p.price_minor', '<=', plan.maxPrice);

      const after = plan.after;
      switch (plan.sort) {
        case 'newest':
          if (after) select = select.where('p.id', '<', after.id);
          select = select.orderBy('p.id', 'desc');
          break;
        case 'price_asc':
          if (after?.sort === 'price_asc') select = select.where(sql<boolean>`(p.price_minor, p.id) > (${after.priceMinor}, ${after.id})`);
          select = select.orderBy('p.price_minor', 'asc').orderBy('p.id', 'asc');
          break;
        case 'price_desc':
          if (after?.sort === 'price_desc') select = select.where(sql<boolean>`(p.price_minor, p.id) < (${after.priceMinor}, ${after.id})`);
          select = select.orderBy('p.price_minor', 'desc').orderBy('p.id', 'desc');
          break;
        case 'name':
          if (after?.sort === 'name') select = select.where(sql<boolean>`(p.name, p.id) > (${after.name}, ${after.id})`);
          select = select.orderBy('p.name', 'asc').orderBy('p.id', 'asc');
          break;
        case 'relevance':
          if (!rank) throw new Error('relevance order needs a search');
          if (after?.sort === 'relevance') select = select.where(sql<boolean>`(${rank}, p.id) < (${after.rank}::numeric, ${after.id})`);
          select = select.orderBy(rank, 'desc').orderBy('p.id', 'desc');
          break;
      }

      // One row more than asked tells whether there is a next page without a second query.
      const rows = await select.limit(plan.limit + 1).execute();
      const items = rows.slice(0, plan.limit).map(toRecord);
      const last = rows.length > plan.limit ? rows[plan.limit - 1]! : undefined;
      return { items, next: last && keyOf(plan.sort, toRecord(last), last.rank ?? undefined) };
    },

    /** Stores a new product; `sku-taken` and `unknown-category` are the expected refusals. */
    async insert(product: NewProduct): Promise<ProductRecord | 'sku-taken' | 'unknown-category'> {
      try {
        const inserted = await db
          .insertInto('products')
          .values({
            id: product.id,
            sku: product.sku,
            name: product.name,
            description: product.description,
            category_id: product.categoryId,
            price_minor: product.priceMinor,
            currency: product.currency,
            attributes: JSON.stringify(product.attributes),
          })
          .onConflict((conflict) => conflict.column('sku').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return 'sku-taken';
      } catch (error) {
        // The category was checked before, but it may have gone since; the foreign key has the last word.
        if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return 'unknown-category';
        throw error;
      }
      return (await this.findById(product.id))!;
    },

    /** Stores many products at once (the demo seed); their categories must exist. */
    async insertMany(products: readonly NewProduct[]): Promise<void> {
      for (let i = 0; i < products.length; i += INSERT_BATCH) {
        const rows = products.slice(i, i + INSERT_BATCH).map((p) => ({
          id: p.id,
          sku: p.sku,
          name: p.name,
          description: p.description,
          category_id: p.categoryId,
          price_minor: p.priceMinor,
          currency: p.currency,
          attributes: JSON.stringify(p.attributes),
        }));
        await db.insertInto('products').values(rows).execute();
      }
    },

    /** Applies the changes and bumps the version; undefined when there is no such product. */
    async update(id: string, changes: ProductChanges): Promise<ProductRecord | 'unknown-category' | undefined> {
      try {
        const updated = await db
          .updateTable('products')
          .set({
            ...(changes.name !== undefined && { name: changes.name }),
            ...(changes.description !== undefined && { description: changes.description }),
            ...(changes.categoryId !== undefined && { category_id: changes.categoryId }),
            ...(changes.priceMinor !== undefined && { price_minor: changes.priceMinor }),
            ...(changes.currency !== undefined && { currency: changes.currency }),
            ...(changes.attributes !== undefined && { attributes: JSON.stringify(changes.attributes) }),
            version: sql<number>`version + 1`,
            updated_at: sql<Date>`now()`,
          })
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirst();
        if (!updated) return undefined;
      } catch (error) {
        if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return 'unknown-category';
        throw error;
      }
      return this.findById(id);
    },

    /** True when a product was deleted. */
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('products').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async any(): Promise<boolean> {
      const row = await db.selectFrom('products').select('id').limit(1).executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type ProductRepository = ReturnType<typeof createProductRepository>;
