import type { Category } from '../contract/category.schemas.ts';
import type { Product } from '../contract/product.schemas.ts';
import type { CategoryRecord, ProductRecord } from '../domain/product.model.ts';

/** A product as the API shows it; this is also what the cache holds, so it must be plain JSON. */
export function toProductView(record: ProductRecord): Product {
  return {
    id: record.id,
    sku: record.sku,
    name: record.name,
    description: record.description,
    category: record.category,
    priceMinor: record.priceMinor,
    currency: record.currency,
    attributes: record.attributes,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  };
}

export function toCategoryView(record: CategoryRecord): Category {
  return { ...record };
}
