/** The bounds the API enforces on what a product may hold; schemas and domain rules share them. */
export const ProductLimits = {
  nameMaxLength: 200,
  descriptionMaxLength: 5000,
  /** Ten billion minor units: 100 million in a two-decimal currency. */
  priceMaxMinor: 10_000_000_000,
  skuMaxLength: 64,
  attributeMaxCount: 30,
  attributeKeyPattern: '^[a-zA-Z][a-zA-Z0-9_]{0,39}$',
  attributeStringMaxLength: 500,
  attributeListMaxItems: 30,
  attributeListItemMaxLength: 100,
  /** Bound on the whole attribute object as JSON, whatever its shape. */
  attributesMaxBytes: 8192,
  searchMaxLength: 200,
  cursorMaxLength: 2048,
  pageMaxSize: 100,
  pageDefaultSize: 24,
} as const;

/**
 * Text the database can store and a page can show: no control characters (PostgreSQL refuses NUL outright),
 * and at least one visible character. Multi-line text may also hold tabs and line breaks.
 */
export const TextPatterns = {
  singleLine: '^(?=.*\\S)[^\\u0000-\\u001F\\u007F]+$',
  multiLine: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$',
} as const;
