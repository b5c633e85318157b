import { issuerTokenVerifier, type TokenVerifier } from '@bazaar/platform/auth';
import { loadConfig } from '@bazaar/platform/config';
import { createService, type Service, type ServiceContext } from '@bazaar/platform/http';
import { newId } from '@bazaar/platform/ids';
import { registerAdminRoutes } from './api/admin.routes.ts';
import { registerAuthorizationRoutes } from './api/authorization.routes.ts';
import { createFaultSwitch } from './app/fault.switch.ts';
import { PaymentProviderConfig } from './app/payment-provider.config.ts';
import { createCardProcessor } from './domain/card-processor.ts';

/** What tests may replace; everything else comes from the context. */
export interface PaymentProviderOverrides {
  /** Checks access tokens on the admin routes; by default against identity's JWKS, found through discovery. */
  readonly verifier?: TokenVerifier;
  /** Draws the decline-rate dice: a number in [0, 1) (default `Math.random`). */
  readonly random?: () => number;
}

// The card API takes a few short fields; anything larger is not a request it serves.
const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Builds the payment-provider stand-in (an external card processor with settable latency, decline rate and
 * outage) without listening. Its state is in memory: it runs as one replica, as an external processor is one
 * endpoint to its callers.
 */
export async function startPaymentProvider(context: ServiceContext, overrides: PaymentProviderOverrides = {}): Promise<Service> {
  const config = loadConfig(PaymentProviderConfig, context.env);
  const faults = createFaultSwitch({
    latencyMs: config.PAYMENT_PROVIDER_LATENCY_MS,
    declineRate: config.PAYMENT_PROVIDER_DECLINE_RATE,
    outage: config.PAYMENT_PROVIDER_OUTAGE,
  });
  const processor = createCardProcessor({ maxAuthorizations: config.PAYMENT_PROVIDER_MAX_AUTHORIZATIONS, newId: () => newId('auth') });

  const service = await createService({
    name: 'payment-provider',
    logger: context.logger,
    description: 'A card processor stand-in: test cards, settable latency, decline rate and outage',
    bodyLimit: BODY_LIMIT_BYTES,
  });
  // Delayed calls end at once on close, or a 30-second latency would hold the drain for as long.
  service.app.addHook('preClose', (done) => {
    faults.release();
    done();
  });

  registerAuthorizationRoutes(service.app, { processor, faults, random: overrides.random ?? Math.random });
  registerAdminRoutes(service.app, { processor, faults }, overrides.verifier ?? issuerTokenVerifier(context.discovery));
  return service;
}
