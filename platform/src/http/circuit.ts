import {
  bulkhead,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  fullJitterGenerator,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  wrap,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import { Gauge, type Registry } from 'prom-client';
import { isTransportError, type TransportFailure } from './transport-error.ts';

/** A circuit breaker's state, as an admin page or a metric shows it. */
export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

/** How hard a client tries, and how it protects itself, when calling one target service. */
export interface ResilienceOptions {
  /** Retries after the first attempt, for idempotent calls only (default 2). */
  readonly retries?: number;
  /** Ceiling of the first backoff; each retry doubles it, and the wait is drawn uniformly below it (default 50 ms). */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** Consecutive failed calls that open the circuit (default 5). */
  readonly breakerFailures?: number;
  /** How long an open circuit fails fast before one trial call (default 5 s). */
  readonly halfOpenAfterMs?: number;
  /** Calls in flight to the target at once (default 128) and calls allowed to wait for a slot (default 256). */
  readonly concurrency?: number;
  readonly queue?: number;
}

/** What one attempt produced, as far as the policies need to know. */
export interface AttemptOutcome {
  readonly status: number;
  /** Releases what the answer holds (a streaming body, its replica) when a retry replaces it. */
  discard?(): void;
}

/** Statuses that mean "try again later" rather than "this request is wrong". */
const RETRYABLE_STATUSES = new Set([429, 503, 504]);
/** Distinct call shapes whose composed policy is kept per target. */
const MAX_COMPOSED = 16;

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

const BREAKER_GAUGE = 'http_client_circuit_state';

function breakerGauge(registry: Registry): Gauge<'target'> {
  // Every client of a process shares one gauge per registry; registering it twice would throw.
  const existing = registry.getSingleMetric(BREAKER_GAUGE);
  if (existing) return existing as Gauge<'target'>;
  return new Gauge({
    name: BREAKER_GAUGE,
    help: 'Circuit breaker state per target service: 0 closed, 1 open, 2 half-open, 3 isolated',
    labelNames: ['target'] as const,
    registers: [registry],
  });
}

/** Transport failures that say the target is unhealthy; an open circuit or a full bulkhead says nothing new. */
const UNHEALTHY: ReadonlySet<TransportFailure> = new Set(['connect', 'timeout', 'reset', 'no-replica']);
/** With no replica left, an immediate retry would meet the same empty set. */
const RETRYABLE: ReadonlySet<TransportFailure> = new Set(['connect', 'timeout', 'reset']);

const isUnhealthy = (error: unknown) => isTransportError(error) && UNHEALTHY.has(error.failure);
const isRetryable = (error: unknown) => isTransportError(error) && RETRYABLE.has(error.failure);

/** The per-target policies of a service client: one shared breaker and bulkhead, composed per call. */
export interface Resilience {
  readonly breaker: CircuitBreakerPolicy;
  readonly bulkhead: BulkheadPolicy;
  readonly halfOpenAfterMs: number;
  /** Retries an idempotent call gets after its first attempt. */
  readonly retries: number;
  state(): BreakerState;
  /**
   * The policy for one call: bulkhead, then (idempotent calls only) retry with exponential backoff and full
   * jitter, then the breaker, then the attempt timeout; each answer a retry replaces is discarded.
   * Policies are stateless per execution, so one composition per call shape is built once and reused.
   */
  policyFor(call: { idempotent: boolean; attemptTimeoutMs: number }): IPolicy;
}

export function createResilience(target: string, options: ResilienceOptions = {}, registry?: Registry): Resilience {
  const halfOpenAfterMs = options.halfOpenAfterMs ?? 5_000;
  const breaker = circuitBreaker(
    handleWhen(isUnhealthy).orWhenResult((outcome) => (outcome as AttemptOutcome).status >= 500),
    { halfOpenAfter: halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.breakerFailures ?? 5) },
  );
  const limiter = bulkhead(options.concurrency ?? 128, options.queue ?? 256);
  if (registry) {
    const gauge = breakerGauge(registry);
    gauge.set({ target }, CircuitState.Closed);
    breaker.onStateChange((state) => gauge.set({ target }, state));
  }
  const backoff = new ExponentialBackoff({
    generator: fullJitterGenerator,
    initialDelay: options.retryDelayMs ?? 50,
    maxDelay: options.maxRetryDelayMs ?? 1_000,
  });
  const retries = options.retries ?? 2;
  const composed = new Map<string, IPolicy>();

  function compose(call: { idempotent: boolean; attemptTimeoutMs: number }): IPolicy {
    const attemptTimeout = timeout(call.attemptTimeoutMs, {
      strategy: TimeoutStrategy.Cooperative,
      // Left alone once the attempt returns: a streamed answer is still being read then, and any other answer
      // has been read whole (aborting would only build a DOMException, with its stack trace, per call).
      abortOnReturn: false,
    });
    if (!call.idempotent || retries === 0) return wrap(limiter, breaker, attemptTimeout);
    const retrying = retry(
      handleWhen(isRetryable).orWhenResult((outcome) => RETRYABLE_STATUSES.has((outcome as AttemptOutcome).status)),
      { maxAttempts: retries, backoff },
    );
    retrying.onRetry((reason) => {
      if ('value' in reason) (reason.value as AttemptOutcome).discard?.();
    });
    return wrap(limiter, retrying, breaker, attemptTimeout);
  }

  return {
    breaker,
    bulkhead: limiter,
    halfOpenAfterMs,
    retries,
    state: () => STATE_NAMES[breaker.state],
    policyFor(call) {
      const key = `${call.idempotent}:${call.attemptTimeoutMs}`;
      let policy = composed.get(key);
      if (!policy) {
        policy = compose(call);
        // Attempt timeouts cut short by a caller's deadline vary call by call; only common shapes are kept.
        if (composed.size < MAX_COMPOSED) composed.set(key, policy);
      }
      return policy;
    },
  };
}
