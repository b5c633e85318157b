import { authenticate, type TokenVerifier } from '@bazaar/platform/auth';
import { unwrap } from '@bazaar/platform/errors';
import { type App, ProblemSchema, replyJsonText } from '@bazaar/platform/http';
import { Type } from '@sinclair/typebox';
import { CatalogPaths } from '../contract/catalog.paths.ts';
import { CreateProduct, ListProductsQuery, Product, ProductPage, ProductParams, UpdateProduct } from '../contract/product.schemas.ts';
import type { CatalogDeps } from '../app/catalog.deps.ts';
import { createProduct } from '../app/create-product.use-case.ts';
import { deleteProduct } from '../app/delete-product.use-case.ts';
import { getProduct } from '../app/get-product.use-case.ts';
import { listProducts } from '../app/list-products.use-case.ts';
import { updateProduct } from '../app/update-product.use-case.ts';

const adminOnly = { security: [{ bearer: [] }] };
const rejected = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

/** Browsing products (anyone) and managing them (admins). */
export function registerProductRoutes(app: App, deps: CatalogDeps, verifier: TokenVerifier): void {
  // Authentication runs on request, before the body is even parsed: strangers learn nothing from validation.
  const admin = authenticate(verifier, ['admin']);

  app.get(
    CatalogPaths.products,
    {
      schema: {
        summary: 'Search, filter and page through products',
        querystring: ListProductsQuery,
        response: { 200: ProductPage, 400: ProblemSchema },
      },
    },
    async (request, reply) => replyJsonText(reply, unwrap(await listProducts(deps, request.query))),
  );

  app.get(
    CatalogPaths.product,
    { schema: { summary: 'One product', params: ProductParams, response: { 200: Product, 404: ProblemSchema } } },
    async (request, reply) => replyJsonText(reply, unwrap(await getProduct(deps, request.params.id))),
  );

  app.post(
    CatalogPaths.products,
    {
      onRequest: admin,
      schema: {
        summary: 'Add a product',
        ...adminOnly,
        body: CreateProduct,
        response: { 201: Product, ...rejected, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const product = unwrap(await createProduct(deps, request.body));
      return reply.status(201).header('location', CatalogPaths.product.replace(':id', product.id)).send(product);
    },
  );

  app.patch(
    CatalogPaths.product,
    {
      onRequest: admin,
      schema: {
        summary: 'Change some fields of a product',
        ...adminOnly,
        params: ProductParams,
        body: UpdateProduct,
        response: { 200: Product, ...rejected, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) => unwrap(await updateProduct(deps, request.params.id, request.body)),
  );

  app.delete(
    CatalogPaths.product,
    {
      onRequest: admin,
      schema: { summary: 'Delete a product', ...adminOnly, params: ProductParams, response: { 204: Type.Null({ description: 'Deleted' }), ...rejected, 404: ProblemSchema } },
    },
    async (request, reply) => {
      unwrap(await deleteProduct(deps, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
