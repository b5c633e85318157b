import path from 'node:path';
import { issuerTokenVerifier, type TokenVerifier } from '@bazaar/platform/auth';
import { loadConfig } from '@bazaar/platform/config';
import { openDatabase } from '@bazaar/platform/db';
import { type BreakerState, createService, createServiceClient, type Service, type ServiceContext } from '@bazaar/platform/http';
import { attachMessaging, type Broker, type Messaging } from '@bazaar/platform/messaging';
import { registerPaymentRoutes } from './api/payment.routes.ts';
import { attemptAuthorization, authorizePayment, type AuthorizeOptions } from './app/authorize-payment.use-case.ts';
import { attemptCapture, capturePayment } from './app/capture-payment.use-case.ts';
import type { PaymentAttempt } from './app/payment.attempt.ts';
import type { PaymentResult } from './app/payment.failure.ts';
import { PaymentsConfig } from './app/payments.config.ts';
import type { PaymentsDeps } from './app/payments.deps.ts';
import { createProviderGateway } from './app/provider.gateway.ts';
import { attemptVoid, voidPayment } from './app/void-payment.use-case.ts';
import type { AuthorizePayment } from './contract/payment.schemas.ts';
import { subscribeAuthorizePayment } from './events/authorize-payment.consumer.ts';
import { subscribeCapturePayment } from './events/capture-payment.consumer.ts';
import { subscribeVoidPayment } from './events/void-payment.consumer.ts';
import { createPaymentRepository } from './store/payment.repository.ts';
import type { PaymentsTables } from './store/payments.tables.ts';

export { PaymentFailure, type PaymentResult } from './app/payment.failure.ts';
export { PAYMENTS_COMMANDS_CONSUMER } from './events/payments.consumers.ts';

/** The operations the checkout saga drives; each is idempotent per order and returns expected failures as values. */
export interface PaymentsUseCases {
  authorizePayment(input: AuthorizePayment, options?: AuthorizeOptions): Promise<PaymentResult>;
  capturePayment(orderId: string): Promise<PaymentResult>;
  voidPayment(orderId: string): Promise<PaymentResult>;
}

/** The same operations for the saga's consumers: their outcomes are left to record in the consumer's transaction. */
export interface PaymentAttempts {
  authorize(input: AuthorizePayment, options?: AuthorizeOptions): Promise<PaymentAttempt>;
  capture(orderId: string): Promise<PaymentAttempt>;
  void(orderId: string): Promise<PaymentAttempt>;
}

/** Payments as a placement runs it: the HTTP service, its use cases, and the state of its circuit to the provider. */
export interface PaymentsService extends Service {
  readonly useCases: PaymentsUseCases;
  /** The messaging the saga's commands arrive and its replies leave through. */
  readonly messaging: Messaging<PaymentsTables>;
  providerBreaker(): BreakerState;
}

/** What tests may replace; everything else comes from the context. */
export interface PaymentsOverrides {
  /** Checks access tokens; by default against identity's JWKS, found through discovery. */
  readonly verifier?: TokenVerifier;
  /** The broker to consume from, owned by the caller; by default RabbitMQ when `AMQP_URL` is set, else in-process. */
  readonly broker?: Broker;
}

/** Builds the payments service (database, provider client, routes, readiness) without listening. */
export async function startPayments(context: ServiceContext, overrides: PaymentsOverrides = {}): Promise<PaymentsService> {
  const config = loadConfig(PaymentsConfig, context.env);
  const verifier = overrides.verifier ?? issuerTokenVerifier(context.discovery);
  const database = await openDatabase<PaymentsTables>({
    serverUrl: context.databaseServerUrl,
    name: context.databaseName ?? 'bazaar_payments',
    migrationsFolder: path.join(import.meta.dirname, 'store/migrations'),
    logger: context.logger,
    poolSize: config.PAYMENTS_DB_POOL_SIZE,
  });


  let service: Service;
  try {
    service = await createService({ name: 'payments', logger: context.logger, description: 'Payments: authorize, capture and void through the card provider' });
  } catch (error) {
    await database.close();
    throw error;
  }
  const client = createServiceClient({
    service: 'payment-provider',
    caller: 'payments',
    discovery: context.discovery,
    timeoutMs: config.PAYMENTS_PROVIDER_TIMEOUT_MS,
    retries: config.PAYMENTS_PROVIDER_RETRIES,
    retryDelayMs: config.PAYMENTS_PROVIDER_RETRY_DELAY_MS,
    breakerFailures: config.PAYMENTS_PROVIDER_BREAKER_FAILURES,
    halfOpenAfterMs: config.PAYMENTS_PROVIDER_HALF_OPEN_MS,
    // The provider is one endpoint, as an external processor is: the breaker alone decides when to stop
    // calling it. Ejecting its only replica as well would be a second breaker on other timings.
    balancing: { failureThreshold: Number.MAX_SAFE_INTEGER },
    registry: service.metrics.registry,
    logger: context.logger,
  });
  service.onClose(() => database.close());
  service.onClose(() => client.close());
  service.addReadinessCheck({ name: 'postgres', check: () => database.check() });

  const deps: PaymentsDeps = { payments: createPaymentRepository(database.db), provider: createProviderGateway(client), logger: context.logger };
  registerPaymentRoutes(service.app, deps, verifier);

  const useCases: PaymentsUseCases = {
    authorizePayment: (input, options) => authorizePayment(deps, input, options),
    capturePayment: (orderId) => capturePayment(deps, orderId),
    voidPayment: (orderId) => voidPayment(deps, orderId),
  };
  const messaging = attachMessaging<PaymentsTables>(service, {
    name: 'payments',
    database,
    env: context.env,
    logger: context.logger,
    broker: overrides.broker,
    verifier,
    consumers: { maxAttempts: config.PAYMENTS_CONSUMER_MAX_ATTEMPTS },
  });
  const attempts: PaymentAttempts = {
    authorize: (input, options) => attemptAuthorization(deps, input, options),
    capture: (orderId) => attemptCapture(deps, orderId),
    void: (orderId) => attemptVoid(deps, orderId),
  };
  const recording = { paymentsIn: createPaymentRepository, logger: context.logger };
  subscribeAuthorizePayment(messaging, attempts, recording, { retryBudgetMs: config.PAYMENTS_AUTHORIZE_RETRY_BUDGET_MS });
  subscribeCapturePayment(messaging, attempts, recording);
  subscribeVoidPayment(messaging, attempts, recording);
  // Released last-registered first: the consumers stop before the provider client, broker and database close.
  try {
    await messaging.start();
  } catch (error) {
    await service.close();
    throw error;
  }

  return Object.assign(service, {
    useCases,
    messaging,
    providerBreaker: () => client.breakerState(),
  });
}
