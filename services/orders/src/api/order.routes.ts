import { authenticate, principalOf, type TokenVerifier } from '@bazaar/platform/auth';
import { AppError, unwrap } from '@bazaar/platform/errors';
import { type App, ProblemSchema } from '@bazaar/platform/http';
import { Checkout, CheckoutAccepted, IDEMPOTENCY_KEY_PATTERN, ListOrdersQuery, Order, OrderPage, OrderParams } from '../contract/order.schemas.ts';
import { OrdersErrors } from '../contract/orders.errors.ts';
import { OrdersPaths } from '../contract/orders.paths.ts';
import { checkout } from '../app/checkout.use-case.ts';
import { getOrder } from '../app/get-order.use-case.ts';
import { listOrders } from '../app/list-orders.use-case.ts';
import { statusUrlOf, toOrderView } from '../app/order.view.ts';
import type { OrdersDeps } from '../app/orders.deps.ts';

const KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);
const rejected = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

function idempotencyKeyOf(header: string | string[] | undefined): string {
  if (typeof header !== 'string' || !KEY.test(header)) throw new AppError(OrdersErrors.INVALID_IDEMPOTENCY_KEY);
  return header;
}

/** Checkout and the order history (customers see their own orders, admins every order). */
export function registerOrderRoutes(app: App, deps: OrdersDeps, verifier: TokenVerifier): void {
  // Authentication runs on request, before the body is even parsed: strangers learn nothing from validation.
  const customer = authenticate(verifier, ['customer']);
  const security = [{ bearer: [] }];

  app.post(
    OrdersPaths.checkout,
    {
      onRequest: customer,
      schema: {
        summary: 'Turn the cart into an order (header Idempotency-Key required)',
        security,
        body: Checkout,
        response: { 200: Order, 202: CheckoutAccepted, ...rejected, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const idempotencyKey = idempotencyKeyOf(request.headers['idempotency-key']);
      const authorization = request.headers.authorization ?? '';
      const { userId, email } = principalOf(request);
      const outcome = unwrap(await checkout(deps, { userId, email, authorization, idempotencyKey, body: request.body }));
      const statusUrl = statusUrlOf(outcome.order.id);
      if (outcome.final) return reply.status(200).header('location', statusUrl).send(toOrderView(outcome.order));
      return reply.status(202).header('location', statusUrl).send({ orderId: outcome.order.id, status: outcome.order.status, statusUrl });
    },
  );

  app.get(
    OrdersPaths.orders,
    { onRequest: customer, schema: { summary: 'Order history, newest first', security, querystring: ListOrdersQuery, response: { 200: OrderPage, ...rejected } } },
    async (request) => unwrap(await listOrders(deps, principalOf(request), request.query)),
  );

  app.get(
    OrdersPaths.order,
    { onRequest: customer, schema: { summary: 'One order and its status', security, params: OrderParams, response: { 200: Order, ...rejected, 404: ProblemSchema } } },
    async (request) => unwrap(await getOrder(deps, principalOf(request), request.params.id)),
  );
}
