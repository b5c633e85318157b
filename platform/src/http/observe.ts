import { context, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceMetrics } from '../telemetry/metrics.ts';
import { extractContext, tracerFor } from '../telemetry/tracing.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The server span of this request, and the context that carries it. */
    span: Span;
    traceContext: Context;
    startedAt: number;
  }
}

const UNMATCHED_ROUTE = 'unmatched';
const CLIENT_CLOSED_REQUEST = 499;

/**
 * Traces and measures every request: a server span continued from the caller's `traceparent`, active while
 * the handler runs, and RED metrics labelled by route template (never by raw URL, which would explode
 * cardinality).
 */
export function observeRequests(app: FastifyInstance, service: string, metrics: ServiceMetrics): void {
  const tracer = tracerFor(service);
  app.decorateRequest('span', null as unknown as Span);
  app.decorateRequest('traceContext', null as unknown as Context);
  app.decorateRequest('startedAt', 0);

  app.addHook('onRequest', (request, reply, done) => {
    const parent = extractContext(request.headers);
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const span = tracer.startSpan(`${request.method} ${route}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'http.route': route, 'url.path': request.url.split('?')[0] },
    }, parent);
    request.span = span;
    request.startedAt = performance.now();
    request.traceContext = trace.setSpan(parent, span);
    reply.header('x-request-id', request.id);
    done();
  });

  // The handler runs inside the request's context so that its logs and outgoing calls join the trace.
  app.addHook('preHandler', (request, _reply, done) => {
    context.with(request.traceContext, done);
  });

  const record = (request: FastifyRequest, statusCode: number, elapsedMs: number) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const labels = { method: request.method, route, status_code: String(statusCode) };
    metrics.requestDuration.observe(labels, elapsedMs / 1000);
    metrics.requests.inc(labels);
    request.span?.setAttribute('http.response.status_code', statusCode);
    if (statusCode >= 500) request.span?.setStatus({ code: SpanStatusCode.ERROR });
    request.span?.end();
  };

  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    record(request, reply.statusCode, reply.elapsedTime);
    done();
  });

  // A client that hangs up never gets a response: count it as 499 (nginx's "client closed request").
  app.addHook('onRequestAbort', (request, done) => {
    record(request, CLIENT_CLOSED_REQUEST, performance.now() - request.startedAt);
    done();
  });
}
