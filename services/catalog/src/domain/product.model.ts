import type { CategoryRef, ProductAttributes } from '../contract/product.schemas.ts';

/** A product as catalog keeps it. */
export interface ProductRecord {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly category: CategoryRef;
  readonly priceMinor: number;
  readonly currency: string;
  readonly attributes: ProductAttributes;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
}

/** What a new product is made of, before the store gives it timestamps and a version. */
export interface NewProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly categoryId: string;
  readonly priceMinor: number;
  readonly currency: string;
  readonly attributes: ProductAttributes;
}

/** The fields an edit may change. */
export type ProductChanges = Partial<Omit<NewProduct, 'id' | 'sku'>>;

/** A category with how many products it holds. */
export interface CategoryRecord {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly productCount: number;
}

/** Text as stored: composed (NFC) so that equal-looking strings are equal, without surrounding white space. */
export function normalizeText(raw: string): string {
  return raw.normalize('NFC').trim();
}
