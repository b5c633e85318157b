import { type Static, Type } from '@sinclair/typebox';
import { idPattern } from '@bazaar/platform/ids';
import { ProductLimits as L, TextPatterns } from './catalog.limits.ts';

/** A stock-keeping unit, the key inventory files stock under: `sku_` and lower-case words joined by hyphens. */
export const SKU_PATTERN = '^sku_[a-z0-9]+(?:-[a-z0-9]+)*$';

/** ISO 4217 alphabetic code; the service also checks that the code names a real currency. */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';

/** One attribute value: text, a number, a flag, or a list of short texts (sizes, colours, compatible models). */
export const AttributeValue = Type.Union([
  Type.String({ maxLength: L.attributeStringMaxLength, pattern: TextPatterns.multiLine }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: L.attributeListItemMaxLength, pattern: TextPatterns.multiLine }), { maxItems: L.attributeListMaxItems }),
]);
export type AttributeValue = Static<typeof AttributeValue>;

/** Free-form, category-specific facts about a product (`{"brand": "Nordvik", "sizes": ["S", "M"]}`). */
export const ProductAttributes = Type.Record(Type.String({ pattern: L.attributeKeyPattern }), AttributeValue, {
  maxProperties: L.attributeMaxCount,
  additionalProperties: false,
});
export type ProductAttributes = Static<typeof ProductAttributes>;

/** The category a product is filed under, as a product shows it. */
export const CategoryRef = Type.Object({
  id: Type.String({ pattern: idPattern('cat') }),
  slug: Type.String(),
  name: Type.String(),
});
export type CategoryRef = Static<typeof CategoryRef>;

/** A product; the price is integer minor units of `currency` (1999 USD is $19.99). */
export const Product = Type.Object({
  id: Type.String({ pattern: idPattern('prd') }),
  sku: Type.String({ pattern: SKU_PATTERN }),
  name: Type.String(),
  description: Type.String(),
  category: CategoryRef,
  priceMinor: Type.Integer({ minimum: 0 }),
  currency: Type.String({ pattern: CURRENCY_PATTERN }),
  attributes: ProductAttributes,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  /** Starts at 1 and grows by one with every change. */
  version: Type.Integer({ minimum: 1 }),
});
export type Product = Static<typeof Product>;

/** How a listing is ordered; `relevance` ranks search matches and falls back to `newest` without a query. */
export const ProductSort = Type.Union([
  Type.Literal('relevance'),
  Type.Literal('newest'),
  Type.Literal('price_asc'),
  Type.Literal('price_desc'),
  Type.Literal('name'),
]);
export type ProductSort = Static<typeof ProductSort>;

const Price = Type.Integer({ minimum: 0, maximum: L.priceMaxMinor });

/** `GET /api/products` query: search, filters, order and the page to read. */
export const ListProductsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: L.searchMaxLength, pattern: TextPatterns.multiLine, description: 'full-text search' })),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$', description: 'category slug or id' })),
  minPrice: Type.Optional(Price),
  maxPrice: Type.Optional(Price),
  sort: Type.Optional(ProductSort),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: L.pageMaxSize, default: L.pageDefaultSize })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: L.cursorMaxLength, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page' })),
});
export type ListProductsQuery = Static<typeof ListProductsQuery>;

/** One page of a listing; `nextCursor` is null on the last page. */
export const ProductPage = Type.Object({
  items: Type.Array(Product),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type ProductPage = Static<typeof ProductPage>;

/** The path parameter of a single product; an id of the wrong shape is simply not found. */
export const ProductParams = Type.Object({ id: Type.String() }, { additionalProperties: false });
export type ProductParams = Static<typeof ProductParams>;

const editable = {
  name: Type.String({ minLength: 1, maxLength: L.nameMaxLength, pattern: TextPatterns.singleLine }),
  description: Type.String({ maxLength: L.descriptionMaxLength, pattern: TextPatterns.multiLine }),
  categoryId: Type.String({ pattern: idPattern('cat') }),
  priceMinor: Price,
  currency: Type.String({ pattern: CURRENCY_PATTERN }),
  attributes: ProductAttributes,
};

/** `POST /api/products` (admin); without a `sku` one is assigned. */
export const CreateProduct = Type.Object(
  {
    sku: Type.Optional(Type.String({ minLength: 5, maxLength: L.skuMaxLength, pattern: SKU_PATTERN })),
    name: editable.name,
    description: Type.Optional(editable.description),
    categoryId: editable.categoryId,
    priceMinor: editable.priceMinor,
    currency: editable.currency,
    attributes: Type.Optional(editable.attributes),
  },
  { additionalProperties: false },
);
export type CreateProduct = Static<typeof CreateProduct>;

/** `PATCH /api/products/:id` (admin): the fields to change; `attributes` replaces the whole set. The SKU is fixed. */
export const UpdateProduct = Type.Object(
  {
    name: Type.Optional(editable.name),
    description: Type.Optional(editable.description),
    categoryId: Type.Optional(editable.categoryId),
    priceMinor: Type.Optional(editable.priceMinor),
    currency: Type.Optional(editable.currency),
    attributes: Type.Optional(editable.attributes),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProduct = Static<typeof UpdateProduct>;
