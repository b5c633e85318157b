import { authenticate, principalOf, type TokenVerifier } from '@bazaar/platform/auth';
import { unwrap } from '@bazaar/platform/errors';
import { type App, ProblemSchema } from '@bazaar/platform/http';
import { Payment, PaymentParams } from '../contract/payment.schemas.ts';
import { PaymentsPaths } from '../contract/payments.paths.ts';
import { getPayment } from '../app/get-payment.use-case.ts';
import type { PaymentsDeps } from '../app/payments.deps.ts';

/** Reading an order's payment; authorize, capture and void are driven by the checkout saga, not by HTTP. */
export function registerPaymentRoutes(app: App, deps: PaymentsDeps, verifier: TokenVerifier): void {
  const signedIn = authenticate(verifier);

  app.get(
    PaymentsPaths.payment,
    {
      onRequest: signedIn,
      schema: {
        summary: "An order's payment (customers see their own orders' only)",
        security: [{ bearer: [] }],
        params: PaymentParams,
        response: { 200: Payment, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => unwrap(await getPayment(deps, principalOf(request), request.params.orderId)),
  );
}
