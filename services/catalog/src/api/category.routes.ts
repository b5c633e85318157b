import { authenticate, type TokenVerifier } from '@bazaar/platform/auth';
import { unwrap } from '@bazaar/platform/errors';
import { type App, ProblemSchema, replyJsonText } from '@bazaar/platform/http';
import { CatalogPaths } from '../contract/catalog.paths.ts';
import { Category, CategoryList, CreateCategory } from '../contract/category.schemas.ts';
import type { CatalogDeps } from '../app/catalog.deps.ts';
import { createCategory } from '../app/create-category.use-case.ts';
import { listCategories } from '../app/list-categories.use-case.ts';

/** Listing categories (anyone) and adding them (admins). */
export function registerCategoryRoutes(app: App, deps: CatalogDeps, verifier: TokenVerifier): void {
  app.get(
    CatalogPaths.categories,
    { schema: { summary: 'Every category with its product count', response: { 200: CategoryList } } },
    async (_request, reply) => replyJsonText(reply, await listCategories(deps)),
  );

  app.post(
    CatalogPaths.categories,
    {
      onRequest: authenticate(verifier, ['admin']),
      schema: {
        summary: 'Add a category',
        security: [{ bearer: [] }],
        body: CreateCategory,
        response: { 201: Category, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(unwrap(await createCategory(deps, request.body))),
  );
}
