import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { context as otelContext, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { isBrokenCircuitError, isBulkheadRejectedError } from 'cockatiel';
import type { Registry } from 'prom-client';
import { Pool, type Dispatcher } from 'undici';
import { AppError, PlatformErrors } from '../errors/index.ts';
import type { Logger } from '../telemetry/logger.ts';
import { injectContext, tracerFor } from '../telemetry/tracing.ts';
import { createBalancer, type BalancerOptions, type Balancer, type CallOutcome, type InstanceState, type Lease } from './balancer.ts';
import { createResilience, type AttemptOutcome, type BreakerState, type ResilienceOptions } from './circuit.ts';
import type { Discovery } from './context.ts';
import { DEADLINE_HEADER } from './deadline.ts';
import { endToEndHeaders } from './hop-by-hop.ts';
import { TransportError } from './transport-error.ts';

/** Headers as a caller passes them; undefined values are left out. */
export type OutgoingHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What every call states besides its body. */
export interface CallOptions {
  readonly method: string;
  /** Path and query string, e.g. `/api/products?limit=10`. */
  readonly path: string;
  readonly headers?: OutgoingHeaders;
  /**
   * Safe to send more than once. Defaults to true for GET, HEAD, PUT, DELETE, OPTIONS and for any call carrying
   * an `Idempotency-Key` header; only such calls are retried.
   */
  readonly idempotent?: boolean;
  /** Per-attempt time limit (default: the client's `timeoutMs`). */
  readonly timeoutMs?: number;
  /** Absolute deadline in epoch ms (e.g. from the incoming `x-request-deadline`); forwarded downstream. */
  readonly deadline?: number;
  /** The caller's own cancellation (its client went away): aborts without counting against the target. */
  readonly signal?: AbortSignal;
  /** Propagated as `x-request-id` (default: a new id). */
  readonly requestId?: string;
  /** Trace context the call belongs to (default: the active one). */
  readonly traceContext?: Context;
}

/** An upstream's answer with a parsed body. */
export interface ServiceResponse<T> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: T;
}

/**
 * An upstream's answer as a proxy passes it on: a small body (one that states its length, up to
 * `WHOLE_BODY_BYTES`) already read whole, a larger one still streaming (the reader must consume or destroy it).
 */
export interface StreamedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: Buffer | Readable;
}

/**
 * Answers up to this size are read whole inside the attempt and passed on as one buffer: a proxy then writes
 * headers and body at once instead of piping a stream, and the replica is free as soon as it has answered.
 */
export const WHOLE_BODY_BYTES = 64 * 1024;

export interface ServiceClientOptions extends ResilienceOptions {
  /** The target service's name in discovery. */
  readonly service: string;
  readonly discovery: Discovery;
  /** The calling service, sent as `user-agent` when the caller gives none. */
  readonly caller?: string;
  /** Per-attempt time limit (default 5 s). */
  readonly timeoutMs?: number;
  readonly connectTimeoutMs?: number;
  /** Keep-alive connections per replica (default 32). */
  readonly connections?: number;
  readonly balancing?: Omit<BalancerOptions, 'service' | 'urls'>;
  /** Where the breaker-state gauge goes, when given. */
  readonly registry?: Registry;
  readonly logger?: Logger;
}

export interface ServiceClient {
  readonly service: string;
  /**
   * A JSON call. An upstream 2xx–4xx answer comes back as a response for the caller to interpret; a 5xx
   * answer (after retries) throws AppError, and a failure in transport throws TransportError.
   */
  request<T = unknown>(options: CallOptions & { readonly body?: unknown }): Promise<ServiceResponse<T>>;
  /**
   * A raw forward for proxies: every upstream answer, 5xx included, comes back as-is with its body streaming.
   * A body must be a buffer or string, so an idempotent call can be replayed on retry.
   */
  forward(options: CallOptions & { readonly body?: Buffer | Uint8Array | string }): Promise<StreamedResponse>;
  breakerState(): BreakerState;
  instances(): InstanceState[];
  close(): Promise<void>;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Request headers that describe this hop's message framing; the pool computes its own. */
const RECOMPUTED: ReadonlySet<string> = new Set(['host', 'content-length', 'expect', 'http2-settings']);
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH']);

function isWireErrorCode(code: string | undefined): boolean {
  return code !== undefined && (TIMEOUT_CODES.has(code) || RESET_CODES.has(code) || code.startsWith('HPE_'));
}

interface Attempt extends AttemptOutcome {
  readonly headers: Record<string, string | string[]>;
  readonly body: Readable;
  readonly lease: Lease;
}

/** A small answer a forward has read whole. */
interface WholeAnswer extends AttemptOutcome {
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

type Forwarded = Attempt | WholeAnswer;

interface Parsed extends AttemptOutcome {
  readonly headers: Record<string, string | string[]>;
  readonly body: unknown;
}

function errorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Connecting to a host with several addresses fails with one error per address.
  const first = (error as { errors?: unknown[] }).errors?.[0];
  return first === undefined ? undefined : errorCode(first);
}

function isIdempotent(options: CallOptions): boolean {
  if (options.idempotent !== undefined) return options.idempotent;
  const method = options.method.toUpperCase();
  if (IDEMPOTENT_METHODS.has(method)) return true;
  return Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === 'idempotency-key');
}

/**
 * An answer's headers as undici parsed them: each name once, lower-cased, with a string or (when repeated) an array.
 * Node's header type also allows undefined, which undici's parser never produces; so the object is used as it is
 * rather than copied, a copy that cost the gateway's thread about a twentieth of its time.
 */
function answerHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string | string[]> {
  return headers as Record<string, string | string[]>;
}

/**
 * A typed client for one service: a keep-alive pool per replica, client-side balancing with outlier
 * ejection, per-attempt timeouts inside an overall deadline, retries for idempotent calls, a circuit
 * breaker and a bulkhead for the target, and trace, request-id and deadline propagation.
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const { service } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const pools = new Map<string, Pool>();
  const balancer: Balancer = createBalancer({ ...options.balancing, service, urls: () => options.discovery.urls(service) });
  const resilience = createResilience(service, options, options.registry);
  resilience.breaker.onStateChange(() => {
    options.logger?.warn({ target: service, state: resilience.state() }, 'circuit breaker changed state');
  });
  const tracer = tracerFor('http-client');

  function poolFor(url: string): Pool {
    let pool = pools.get(url);
    if (!pool) {
      pool = new Pool(url, {
        connections: options.connections ?? 32,
        keepAliveTimeout: 10_000,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        connect: { timeout: options.connectTimeoutMs ?? 2_000 },
      });
      pools.set(url, pool);
      const live = new Set(options.discovery.urls(service));
      for (const [known, stale] of pools) {
        if (!live.has(known) && known !== url) {
          pools.delete(known);
          void stale.close().catch(() => undefined);
        }
      }
    }
    return pool;
  }

  function outgoingHeaders(call: CallOptions, span: Span, parent: Context, deadline: number): Record<string, string | string[]> {
    const headers = endToEndHeaders(call.headers ?? {}, RECOMPUTED);
    headers['x-request-id'] = call.requestId ?? randomUUID();
    headers[DEADLINE_HEADER] = String(deadline);
    if (headers['user-agent'] === undefined && options.caller) headers['user-agent'] = `bazaar-${options.caller}`;
    return injectContext(headers, trace.setSpan(parent, span));
  }

  /** Maps whatever an attempt threw onto a TransportError, or rethrows what is not the target's fault. */
  function transportFailure(error: unknown, attemptSignal: AbortSignal, caller: AbortSignal | undefined): never {
    if (caller?.aborted) throw caller.reason;
    if (error instanceof TransportError) throw error;
    const code = errorCode(error);
    if (attemptSignal.aborted || (code !== undefined && TIMEOUT_CODES.has(code))) {
      throw new TransportError(service, 'timeout', `${service} did not answer in time`, { cause: error });
    }
    if (code !== undefined && CONNECT_CODES.has(code)) {
      throw new TransportError(service, 'connect', `${service} could not be reached`, { cause: error });
    }
    if (code !== undefined && (RESET_CODES.has(code) || code.startsWith('HPE_'))) {
      throw new TransportError(service, 'reset', `${service} broke off the exchange`, { cause: error });
    }
    throw error;
  }

  async function attempt(
    call: CallOptions,
    headers: Record<string, string | string[]>,
    body: Buffer | Uint8Array | string | undefined,
    signal: AbortSignal,
    attemptTimeoutMs: number,
  ): Promise<Attempt> {
    const lease = balancer.pick();
    try {
      const response = await poolFor(lease.url).request({
        method: call.method.toUpperCase() as Dispatcher.HttpMethod,
        path: call.path,
        headers,
        body: body ?? null,
        signal,
        headersTimeout: attemptTimeoutMs,
        bodyTimeout: attemptTimeoutMs,
      });
      return { status: response.statusCode, headers: answerHeaders(response.headers), body: response.body, lease };
    } catch (error) {
      lease.release(call.signal?.aborted ? 'ignored' : 'failure');
      return transportFailure(error, signal, call.signal);
    }
  }

  /** Runs one call through the policies; `finish` turns an attempt into what the caller gets. */
  async function execute<R extends AttemptOutcome>(
    call: CallOptions,
    body: Buffer | Uint8Array | string | undefined,
    finish: (attempt: Attempt, signal: AbortSignal) => Promise<R>,
  ): Promise<{ result: R; span: Span }> {
    const now = Date.now();
    const perAttempt = call.timeoutMs ?? timeoutMs;
    // Without a deadline from the caller, the budget is every attempt at full length plus room for backoff.
    const deadline = Math.min(call.deadline ?? Number.POSITIVE_INFINITY, now + perAttempt * (1 + resilience.retries) + 1_000);
    const parent = call.traceContext ?? otelContext.active();
    const span = tracer.startSpan(`${call.method.toUpperCase()} ${service}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': call.method.toUpperCase(), 'url.path': call.path.split('?')[0], 'peer.service': service },
    }, parent);
    const remaining = deadline - now;
    if (remaining <= 0) {
      span.end();
      throw new TransportError(service, 'timeout', `The deadline for calling ${service} has already passed`);
    }
    const headers = outgoingHeaders(call, span, parent, deadline);
    // One timer per call, cleared when the call settles: a timer left to run to the deadline (as with
    // AbortSignal.timeout) would keep every finished call's signal alive for the whole budget.
    const scope = new AbortController();
    const timer = setTimeout(() => scope.abort(new DOMException(`${service} deadline exceeded`, 'TimeoutError')), remaining);
    const onCallerAbort = () => scope.abort(call.signal?.reason);
    if (call.signal?.aborted) onCallerAbort();
    else call.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const outer = scope.signal;
    const policy = resilience.policyFor({
      idempotent: isIdempotent(call),
      attemptTimeoutMs: Math.max(1, Math.min(perAttempt, remaining)),
    });
    try {
      const result = await policy.execute(async ({ signal }) => {
        if (outer.aborted) transportFailure(outer.reason, outer, call.signal);
        const timeLeft = Math.max(1, Math.min(perAttempt, deadline - Date.now()));
        return finish(await attempt(call, headers, body, signal, timeLeft), signal);
      }, outer);
      span.setAttribute('http.response.status_code', result.status);
      if (result.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return { result, span };
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      if (call.signal?.aborted) throw call.signal.reason;
      if (isBrokenCircuitError(error)) {
        throw new TransportError(service, 'circuit-open', `${service} is failing; calls are paused`, {
          headers: { 'retry-after': String(Math.ceil(resilience.halfOpenAfterMs / 1000)) },
          cause: error,
        });
      }
      if (isBulkheadRejectedError(error)) {
        throw new TransportError(service, 'overloaded', `Too many calls to ${service} are in progress`, { cause: error });
      }
      if (outer.aborted && !(error instanceof TransportError)) {
        throw new TransportError(service, 'timeout', `${service} did not answer before the deadline`, { cause: error });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Reads a whole answer inside the attempt, so the attempt timeout also bounds the body. */
  function readBody(call: CallOptions) {
    return async (attempt: Attempt, signal: AbortSignal): Promise<Parsed> => {
      let text: string;
      try {
        text = await (attempt.body as Dispatcher.ResponseData['body']).text();
      } catch (error) {
        attempt.lease.release(call.signal?.aborted ? 'ignored' : 'failure');
        return transportFailure(error, signal, call.signal);
      }
      attempt.lease.release(attempt.status >= 500 ? 'failure' : 'success');
      const type = String(attempt.headers['content-type'] ?? '');
      if (text.length === 0 || !/[/+]json\b/.test(type)) {
        return { status: attempt.status, headers: attempt.headers, body: text.length === 0 ? undefined : text };
      }
      try {
        return { status: attempt.status, headers: attempt.headers, body: JSON.parse(text) as unknown };
      } catch (error) {
        throw new TransportError(service, 'reset', `${service} answered with malformed JSON`, { cause: error });
      }
    };
  }

  /** Reads a small answer's bytes inside the attempt (so the attempt timeout bounds them) and frees its replica. */
  async function readWhole(attempt: Attempt, signal: AbortSignal, call: CallOptions): Promise<WholeAnswer> {
    let bytes: Buffer;
    try {
      bytes = Buffer.from(await (attempt.body as Dispatcher.ResponseData['body']).arrayBuffer());
    } catch (error) {
      attempt.lease.release(call.signal?.aborted ? 'ignored' : 'failure');
      return transportFailure(error, signal, call.signal);
    }
    attempt.lease.release(attempt.status >= 500 ? 'failure' : 'success');
    return { status: attempt.status, headers: attempt.headers, body: bytes };
  }

  /** A streamed answer holds its replica (in-flight count, outcome) and its span until the body is done. */
  function releaseWhenRead(attempt: Attempt, span: Span, call: CallOptions): Readable {
    attempt.body.once('close', () => {
      const { errored, readableEnded } = attempt.body;
      let outcome: CallOutcome = 'ignored';
      if (readableEnded && !errored) outcome = attempt.status >= 500 ? 'failure' : 'success';
      else if (errored && !call.signal?.aborted && isWireErrorCode(errorCode(errored))) outcome = 'failure';
      attempt.lease.release(outcome);
      span.end();
    });
    return attempt.body;
  }

  return {
    service,
    async request<T>(call: CallOptions & { readonly body?: unknown }): Promise<ServiceResponse<T>> {
      const hasBody = call.body !== undefined;
      const headers = hasBody ? { 'content-type': 'application/json', ...call.headers } : call.headers;
      const payload = hasBody ? JSON.stringify(call.body) : undefined;
      const { result, span } = await execute<Parsed>({ ...call, headers }, payload, readBody(call));
      span.end();
      if (result.status >= 500) {
        const spec =
          result.status === 503 ? PlatformErrors.UNAVAILABLE : result.status === 504 ? PlatformErrors.UPSTREAM_TIMEOUT : PlatformErrors.BAD_GATEWAY;
        throw new AppError(spec, `${service} answered ${result.status} to ${call.method.toUpperCase()} ${call.path.split('?')[0]}`);
      }
      return { status: result.status, headers: result.headers, body: result.body as T };
    },
    async forward(call) {
      const { result, span } = await execute<Forwarded>(call, call.body, async (attempt, signal) => {
        const length = Number(attempt.headers['content-length']);
        if (Number.isInteger(length) && length <= WHOLE_BODY_BYTES) return readWhole(attempt, signal, call);
        return {
          ...attempt,
          discard() {
            // A retried answer (503, 504, 429) is drained so its connection returns to the pool.
            attempt.body.once('close', () => attempt.lease.release('failure'));
            attempt.body.resume();
          },
        };
      });
      if ('lease' in result) return { status: result.status, headers: result.headers, body: releaseWhenRead(result, span, call) };
      span.end();
      return result;
    },
    breakerState: () => resilience.state(),
    instances: () => balancer.instances(),
    async close() {
      const closing = [...pools.values()].map((pool) => pool.close().catch(() => undefined));
      pools.clear();
      await Promise.all(closing);
    },
  };
}
