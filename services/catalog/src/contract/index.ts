export { CatalogErrors } from './catalog.errors.ts';
export { CatalogPaths } from './catalog.paths.ts';
export { ProductLimits, TextPatterns } from './catalog.limits.ts';
export {
  SKU_PATTERN,
  CURRENCY_PATTERN,
  AttributeValue,
  ProductAttributes,
  CategoryRef,
  Product,
  ProductSort,
  ListProductsQuery,
  ProductPage,
  ProductParams,
  CreateProduct,
  UpdateProduct,
} from './product.schemas.ts';
export { SLUG_PATTERN, Category, CategoryList, CreateCategory } from './category.schemas.ts';
