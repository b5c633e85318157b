import type { CreateProduct, Product, ProductAttributes, UpdateProduct } from '../api/types.ts';
import { parseMajorAmount, toMajorText } from '../lib/money.ts';

/** What the product form holds: text as typed, turned into a request only on save. */
export interface ProductDraft {
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly categoryId: string;
  readonly price: string;
  readonly currency: string;
  readonly attributes: string;
}

export const EMPTY_DRAFT: ProductDraft = { sku: '', name: '', description: '', categoryId: '', price: '', currency: 'USD', attributes: '{}' };

export function draftOf(product: Product): ProductDraft {
  return {
    sku: product.sku,
    name: product.name,
    description: product.description,
    categoryId: product.category.id,
    price: toMajorText(product.priceMinor, product.currency),
    currency: product.currency,
    attributes: JSON.stringify(product.attributes, null, 2),
  };
}

export type DraftErrors = Partial<Record<keyof ProductDraft, string>>;

interface Parsed {
  readonly priceMinor: number;
  readonly attributes: ProductAttributes;
}

/** Checks what only the page can check (the price and the attributes' JSON); the server checks the rest. */
export function parseDraft(draft: ProductDraft): { ok: true; value: Parsed } | { ok: false; errors: DraftErrors } {
  const errors: { -readonly [K in keyof DraftErrors]: DraftErrors[K] } = {};
  const currency = draft.currency.trim().toUpperCase();
  let priceMinor: number | undefined;
  try {
    priceMinor = parseMajorAmount(draft.price, currency);
  } catch {
    errors.currency = 'Use a three-letter ISO 4217 code, such as USD or EUR.';
  }
  if (priceMinor === undefined && !errors.currency) errors.price = 'Enter an amount such as 19.99.';
  let attributes: unknown;
  try {
    attributes = JSON.parse(draft.attributes.trim() || '{}');
  } catch {
    errors.attributes = 'Attributes must be a JSON object, e.g. {"brand": "Nordvik"}.';
  }
  if (!errors.attributes && (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes))) {
    errors.attributes = 'Attributes must be a JSON object, e.g. {"brand": "Nordvik"}.';
  }
  if (Object.keys(errors).length > 0 || priceMinor === undefined) return { ok: false, errors };
  return { ok: true, value: { priceMinor, attributes: attributes as ProductAttributes } };
}

/** The create request; an empty SKU lets the catalog assign one. */
export function createRequest(draft: ProductDraft, parsed: Parsed): CreateProduct {
  return {
    ...(draft.sku.trim() ? { sku: draft.sku.trim() } : {}),
    name: draft.name.trim(),
    description: draft.description,
    categoryId: draft.categoryId,
    priceMinor: parsed.priceMinor,
    currency: draft.currency.trim().toUpperCase(),
    attributes: parsed.attributes,
  };
}

/** Only the fields that changed, since PATCH takes a partial product (and refuses an empty one). */
export function updateRequest(product: Product, draft: ProductDraft, parsed: Parsed): UpdateProduct {
  const changes: { -readonly [K in keyof UpdateProduct]: UpdateProduct[K] } = {};
  if (draft.name.trim() !== product.name) changes.name = draft.name.trim();
  if (draft.description !== product.description) changes.description = draft.description;
  if (draft.categoryId !== product.category.id) changes.categoryId = draft.categoryId;
  if (parsed.priceMinor !== product.priceMinor) changes.priceMinor = parsed.priceMinor;
  const currency = draft.currency.trim().toUpperCase();
  if (currency !== product.currency) changes.currency = currency;
  if (JSON.stringify(parsed.attributes) !== JSON.stringify(product.attributes)) changes.attributes = parsed.attributes;
  return changes;
}
