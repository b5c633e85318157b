import { authenticate, principalOf, type TokenVerifier } from '@bazaar/platform/auth';
import { unwrap } from '@bazaar/platform/errors';
import { type App, ProblemSchema } from '@bazaar/platform/http';
import { Type } from '@sinclair/typebox';
import { CartPaths } from '../contract/cart.paths.ts';
import { AddItem, CartView, CreateCart, ItemParams, MergeCart, SetItemQuantity } from '../contract/cart.schemas.ts';
import type { CartDeps } from '../app/cart.deps.ts';
import { addItem, createAnonymousCart, emptyTheCart, getCart, mergeIntoUserCart, removeItem, setItemQuantity } from '../app/cart.use-cases.ts';
import { cartKeyOf, resolveCart } from './cart-owner.guard.ts';

const CartHeaders = Type.Object({
  'x-cart-id': Type.Optional(Type.String({ description: 'an anonymous cart id (`crt_…`), when there is no bearer token' })),
});
// Either a bearer token or no scheme at all (an anonymous cart named by X-Cart-Id).
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, {}];
const problems = { 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema };

/** The caller's cart (by bearer token, or anonymous by `X-Cart-Id`), its lines, and the merge at login. */
export function registerCartRoutes(app: App, deps: CartDeps, verifier: TokenVerifier): void {
  // Owner and token are settled on request, before the body is even parsed: strangers learn nothing from validation.
  const owner = resolveCart(verifier);

  app.post(
    CartPaths.cart,
    {
      // A new cart has nothing to say: a request without a body is the common case, and means `{}`.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: { summary: 'Issue an anonymous cart; send its id back in X-Cart-Id', body: CreateCart, response: { 201: CartView, 400: ProblemSchema } },
    },
    async (_request, reply) => reply.code(201).send(await createAnonymousCart(deps)),
  );

  app.get(
    CartPaths.cart,
    { onRequest: owner, schema: { summary: 'The cart, with totals per currency', security, headers: CartHeaders, response: { 200: CartView, ...problems } } },
    async (request) => unwrap(await getCart(deps, cartKeyOf(request))),
  );

  app.delete(
    CartPaths.cart,
    { onRequest: owner, schema: { summary: 'Empty the cart', security, headers: CartHeaders, response: { 200: CartView, ...problems } } },
    async (request) => unwrap(await emptyTheCart(deps, cartKeyOf(request))),
  );

  app.post(
    CartPaths.items,
    {
      onRequest: owner,
      schema: {
        summary: 'Add units of a product at its current catalog price',
        security,
        headers: CartHeaders,
        body: AddItem,
        response: { 200: CartView, ...problems, 422: ProblemSchema, 503: ProblemSchema },
      },
    },
    async (request) => unwrap(await addItem(deps, cartKeyOf(request), request.body)),
  );

  app.patch(
    CartPaths.item,
    {
      onRequest: owner,
      schema: { summary: 'Set the quantity of a line (0 removes it)', security, headers: CartHeaders, params: ItemParams, body: SetItemQuantity, response: { 200: CartView, ...problems } },
    },
    async (request) => unwrap(await setItemQuantity(deps, cartKeyOf(request), request.params.productId, request.body.quantity)),
  );

  app.delete(
    CartPaths.item,
    { onRequest: owner, schema: { summary: 'Remove a line', security, headers: CartHeaders, params: ItemParams, response: { 200: CartView, ...problems } } },
    async (request) => unwrap(await removeItem(deps, cartKeyOf(request), request.params.productId)),
  );

  app.post(
    CartPaths.merge,
    {
      onRequest: authenticate(verifier),
      schema: {
        summary: "Fold an anonymous cart into the caller's cart at login (quantities add up, capped) and delete it",
        security: [{ bearer: [] }],
        body: MergeCart,
        response: { 200: CartView, ...problems },
      },
    },
    async (request) => unwrap(await mergeIntoUserCart(deps, principalOf(request).userId, request.body.cartId)),
  );
}
