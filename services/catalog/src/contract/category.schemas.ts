import { type Static, Type } from '@sinclair/typebox';
import { idPattern } from '@bazaar/platform/ids';
import { TextPatterns } from './catalog.limits.ts';

/** A URL-safe category name: lower-case words joined by single hyphens. */
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

/** A category with the number of products filed under it. */
export const Category = Type.Object({
  id: Type.String({ pattern: idPattern('cat') }),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  productCount: Type.Integer({ minimum: 0 }),
});
export type Category = Static<typeof Category>;

/** `GET /api/categories`: every category, by name. */
export const CategoryList = Type.Array(Category);
export type CategoryList = Static<typeof CategoryList>;

/** `POST /api/categories` (admin). */
export const CreateCategory = Type.Object(
  {
    slug: Type.String({ minLength: 1, maxLength: 64, pattern: SLUG_PATTERN }),
    name: Type.String({ minLength: 1, maxLength: 100, pattern: TextPatterns.singleLine }),
    description: Type.Optional(Type.String({ maxLength: 1000, pattern: TextPatterns.multiLine })),
  },
  { additionalProperties: false },
);
export type CreateCategory = Static<typeof CreateCategory>;
