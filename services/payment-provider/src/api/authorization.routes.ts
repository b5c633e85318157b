import { AppError, unwrap } from '@bazaar/platform/errors';
import { type App, ProblemSchema } from '@bazaar/platform/http';
import type { onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import {
  Authorization,
  AuthorizationLookup,
  AuthorizationParams,
  AuthorizeRequest,
  CaptureRequest,
  VoidRequest,
} from '../contract/authorization.schemas.ts';
import { PaymentProviderErrors as Errors } from '../contract/payment-provider.errors.ts';
import { PaymentProviderPaths as Paths } from '../contract/payment-provider.paths.ts';
import type { FaultSwitch } from '../app/fault.switch.ts';
import { toAuthorization } from '../domain/authorization.record.ts';
import type { CardProcessor } from '../domain/card-processor.ts';
import { verdictFor } from '../domain/card-verdict.ts';

export interface AuthorizationRouteDeps {
  readonly processor: CardProcessor;
  readonly faults: FaultSwitch;
  /** A number in [0, 1) per new `tok_visa` authorization; tests pass a deterministic one. */
  readonly random: () => number;
}

const unavailable = { 503: ProblemSchema };

/** The card API a payments service calls: authorize, capture, void, and look up by idempotency key. */
export function registerAuthorizationRoutes(app: App, deps: AuthorizationRouteDeps): void {
  // An outage refuses a call before anything is read, as an unreachable processor would.
  const refuseDuringOutage: onRequestAsyncHookHandler = async () => {
    if (deps.faults.refuseForOutage()) throw new AppError(Errors.OUTAGE, 'Simulated outage');
  };
  // Latency is spent after the request has been read and before it is processed, so a caller that gives
  // up waiting leaves a request that is still processed late: the case idempotency keys exist for.
  const slowDown: preHandlerAsyncHookHandler = async () => {
    await deps.faults.delay();
  };
  const faulty = { onRequest: refuseDuringOutage, preHandler: slowDown };

  app.post(
    Paths.authorizations,
    {
      ...faulty,
      schema: {
        summary: 'Hold an amount on a test card; the same idempotency key always gets the same authorization',
        body: AuthorizeRequest,
        response: { 201: Authorization, 402: Authorization, 400: ProblemSchema, 409: ProblemSchema, ...unavailable },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const record = unwrap(deps.processor.authorize(body, () => verdictFor(body.token, deps.faults.current().declineRate, deps.random)));
      return reply.status(record.status === 'declined' ? 402 : 201).send(toAuthorization(record));
    },
  );

  app.get(
    Paths.authorizations,
    {
      ...faulty,
      schema: {
        summary: 'The authorization made with an idempotency key, for a caller that lost the answer',
        querystring: AuthorizationLookup,
        response: { 200: Authorization, 400: ProblemSchema, 404: ProblemSchema, ...unavailable },
      },
    },
    async (request) => {
      const record = deps.processor.findByKey(request.query.idempotencyKey);
      if (!record) throw new AppError(Errors.AUTHORIZATION_NOT_FOUND, 'No authorization was made with this idempotency key');
      return toAuthorization(record);
    },
  );

  app.post(
    Paths.capture,
    {
      ...faulty,
      schema: {
        summary: 'Capture an approved authorization; capturing again returns the same capture',
        params: AuthorizationParams,
        body: CaptureRequest,
        response: { 200: Authorization, 400: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, ...unavailable },
      },
    },
    async (request) => toAuthorization(unwrap(deps.processor.capture(request.params.id, request.body.amountMinor))),
  );

  app.post(
    Paths.void,
    {
      ...faulty,
      schema: {
        summary: 'Release an approved authorization; voiding again is a no-op, voiding a captured one is refused',
        params: AuthorizationParams,
        body: VoidRequest,
        response: { 200: Authorization, 400: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, ...unavailable },
      },
    },
    async (request) => toAuthorization(unwrap(deps.processor.void(request.params.id))),
  );
}
