import { type Static, Type } from '@sinclair/typebox';

/** Payments' settings, read from its environment by `loadConfig`. */
export const PaymentsConfig = Type.Object({
  PAYMENTS_DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /** Time limit of one attempt of a provider call. */
  PAYMENTS_PROVIDER_TIMEOUT_MS: Type.Integer({ minimum: 1, maximum: 60_000, default: 2_000 }),
  /** Retries after the first attempt (every provider call is idempotent by key, so all are retried). */
  PAYMENTS_PROVIDER_RETRIES: Type.Integer({ minimum: 0, maximum: 10, default: 2 }),
  /** Ceiling of the first backoff; each retry doubles it, and the wait is drawn uniformly below it. */
  PAYMENTS_PROVIDER_RETRY_DELAY_MS: Type.Integer({ minimum: 1, maximum: 10_000, default: 100 }),
  /** Consecutive failed attempts that open the circuit to the provider. */
  PAYMENTS_PROVIDER_BREAKER_FAILURES: Type.Integer({ minimum: 1, maximum: 1_000, default: 5 }),
  /** How long the open circuit fails fast before one trial call. */
  PAYMENTS_PROVIDER_HALF_OPEN_MS: Type.Integer({ minimum: 1, maximum: 600_000, default: 5_000 }),
  /**
   * How long an authorization keeps being retried while the provider is unreachable, counted from the saga's
   * command, before payments replies that it failed. Keep it below orders' ORDERS_SAGA_STEP_TIMEOUT_MS, so the
   * answer arrives before the saga gives up on the step.
   */
  PAYMENTS_AUTHORIZE_RETRY_BUDGET_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 20_000 }),
  /**
   * Deliveries of a command before it is dead-lettered. Generous: a capture or void during a provider outage is
   * retried with backoff until the provider is back, since the saga cannot go on without it.
   */
  PAYMENTS_CONSUMER_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});
export type PaymentsConfig = Static<typeof PaymentsConfig>;
