import { authenticate, type TokenVerifier } from '@bazaar/platform/auth';
import { type App, ProblemSchema } from '@bazaar/platform/http';
import { AuthorizationLookup } from '../contract/authorization.schemas.ts';
import { AuthorizationsByKey, Faults, ProviderCounters } from '../contract/fault.schemas.ts';
import { PaymentProviderPaths as Paths } from '../contract/payment-provider.paths.ts';
import type { FaultSwitch } from '../app/fault.switch.ts';
import { toCounters } from '../domain/authorization.record.ts';
import type { CardProcessor } from '../domain/card-processor.ts';

export interface AdminRouteDeps {
  readonly processor: CardProcessor;
  readonly faults: FaultSwitch;
}

const adminOnly = { security: [{ bearer: [] }] };
const rejected = { 401: ProblemSchema, 403: ProblemSchema };

/** The fault knobs and the counters, for administrators (the admin page, chaos and system tests). */
export function registerAdminRoutes(app: App, deps: AdminRouteDeps, verifier: TokenVerifier): void {
  // Authentication runs on request, before the body is parsed: strangers learn nothing from validation.
  const admin = authenticate(verifier, ['admin']);

  app.get(
    Paths.faults,
    { onRequest: admin, schema: { summary: 'The fault knobs in force', ...adminOnly, response: { 200: Faults, ...rejected } } },
    async () => deps.faults.current(),
  );

  app.put(
    Paths.faults,
    {
      onRequest: admin,
      schema: { summary: 'Set latency, decline rate and outage', ...adminOnly, body: Faults, response: { 200: Faults, 400: ProblemSchema, ...rejected } },
    },
    async (request) => deps.faults.set(request.body),
  );

  app.get(
    Paths.counters,
    { onRequest: admin, schema: { summary: 'Requests received and effects made since start', ...adminOnly, response: { 200: ProviderCounters, ...rejected } } },
    async () => ({ ...deps.processor.counters(), refusedByOutage: deps.faults.refused() }),
  );

  app.get(
    Paths.authorizationsByKey,
    {
      onRequest: admin,
      schema: {
        summary: 'Every authorization made with one idempotency key, with its counters',
        ...adminOnly,
        querystring: AuthorizationLookup,
        response: { 200: AuthorizationsByKey, 400: ProblemSchema, ...rejected },
      },
    },
    async (request) => ({ items: deps.processor.allWithKey(request.query.idempotencyKey).map(toCounters) }),
  );
}
