import type { ColumnType, Generated } from '@bazaar/platform/db';
import type { ProductAttributes } from '../contract/product.schemas.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export interface CategoriesTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  created_at: CreatedAt;
}

/** `search` (a generated tsvector) is left out: it is only ever used inside SQL fragments. */
export interface ProductsTable {
  id: string;
  sku: string;
  name: string;
  description: string;
  category_id: string;
  /** bigint in PostgreSQL; the platform parses int8 to a number and refuses values past 2^53. */
  price_minor: number;
  currency: string;
  attributes: ColumnType<ProductAttributes, string, string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  version: Generated<number>;
}

/** Catalog's database, as Kysely sees it. */
export interface CatalogTables {
  categories: CategoriesTable;
  products: ProductsTable;
}
