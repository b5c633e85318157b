import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { PlatformErrors, PROBLEM_CONTENT_TYPE, toProblem, AppError } from '../errors/index.ts';
import type { Logger } from '../telemetry/logger.ts';
import { createMetrics, type ServiceMetrics } from '../telemetry/metrics.ts';
import { observeRequests } from './observe.ts';
import { createValidatorCompiler } from './validation.ts';

/** The Fastify instance every service builds its routes on: TypeBox schemas give typed handlers. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** A dependency `/readyz` checks: it resolves when the dependency is usable and throws otherwise. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export interface ServiceOptions {
  readonly name: string;
  readonly logger: Logger;
  readonly version?: string;
  readonly description?: string;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** Trust `X-Forwarded-For` from the gateway (internal services behind it). */
  readonly trustProxy?: boolean | string;
  /**
   * How long `close()` waits for in-flight requests before it cuts the connections left (default 5 s): a client
   * that stops reading a response must not hold a shutdown open.
   */
  readonly drainTimeoutMs?: number;
}

export interface Service {
  readonly name: string;
  readonly app: App;
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  /** Adds a dependency to the readiness probe. */
  addReadinessCheck(check: ReadinessCheck): void;
  /** Registers a resource to release after the server has drained (pools, clients); run in reverse order. */
  onClose(release: () => Promise<void> | void): void;
  /** Starts listening; resolves to the base URL. Port 0 picks a free port. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, waits for in-flight requests, then releases resources. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Route options a route sets to opt out of the platform's checks (the gateway's pass-through routes). */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route forwards the raw request; the owning service validates it. */
    passThrough?: boolean;
  }
}

/**
 * Builds a service's HTTP server with everything services share: validation on every route, problem+json
 * errors, request ids, tracing, RED metrics, `/healthz`, `/readyz`, `/metrics`, an OpenAPI document at
 * `/openapi.json`, and graceful close.
 */
export async function createService(options: ServiceOptions): Promise<Service> {
  const metrics = createMetrics(options.name);
  const readiness: ReadinessCheck[] = [];
  const releases: (() => Promise<void> | void)[] = [];

  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Requests are logged by the platform's own hooks (with trace ids), not by Fastify's default lines.
    logController: new LogController({ disableRequestLogging: true }),
    // No child logger per request (with redaction configured, building one costs more than the rest of a cached
    // read's logging): the few request-scoped lines name their request id themselves.
    childLoggerFactory: (logger) => logger,
    // Errors Fastify raises before routing (a malformed URL, say) get the same problem+json as the rest.
    frameworkErrors: (error, request, reply) => {
      const { problem, headers } = toProblem(error, request.url.split('?')[0]);
      const raw = reply as unknown as { code(status: number): typeof raw; headers(h: object): typeof raw; type(t: string): typeof raw; send(b: unknown): void };
      raw.code(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem);
    },
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.setValidatorCompiler(createValidatorCompiler());

  // Every route states what it accepts: a route without a schema for its body cannot be registered.
  app.addHook('onRoute', (route) => {
    if (route.config?.passThrough) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.some((m) => BODY_METHODS.has(m)) && !route.schema?.body) {
      throw new Error(`Route ${methods.join(',')} ${route.url} has no body schema`);
    }
    if (route.url.includes(':') && !route.schema?.params) {
      throw new Error(`Route ${route.url} has no params schema`);
    }
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: `Bazaar ${options.name}`, version: options.version ?? '0.1.0', description: options.description ?? '' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  });

  observeRequests(app as unknown as FastifyInstance, options.name, metrics);

  // A keep-alive connection holds the server's close open until the client hangs up (72 s by default): a
  // response finished while draining asks the client to close its connection, so the drain ends with it.
  let draining = false;
  app.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) void reply.header('connection', 'close');
    done(null, payload);
  });

  app.setErrorHandler((error, request, reply) => {
    const { problem, headers } = toProblem(error, request.url.split('?')[0]);
    // Errors raised before the handler (in onRequest hooks) run outside the request's context: name the trace.
    const traceId = request.span?.spanContext().traceId;
    if (problem.status >= 500) request.log.error({ err: error, requestId: request.id, traceId }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status, requestId: request.id, traceId }, 'request rejected');
    request.span?.recordException(error instanceof Error ? error : String(error));
    void reply.status(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const { problem } = toProblem(
      new AppError(PlatformErrors.NOT_FOUND, `No route for ${request.method} ${request.url.split('?')[0]}`),
      request.url.split('?')[0],
    );
    void reply.status(404).type(PROBLEM_CONTENT_TYPE).send(problem);
  });

  const hidden = { hide: true } as const;
  app.get('/healthz', { schema: hidden }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: hidden }, async (_request, reply) => {
    const checks = await Promise.all(
      readiness.map(async ({ name, check }) => {
        try {
          await check();
          return { name, ok: true };
        } catch (error) {
          options.logger.warn({ err: error, dependency: name }, 'readiness check failed');
          return { name, ok: false };
        }
      }),
    );
    const ready = checks.every((c) => c.ok);
    // The process id and uptime let an operator tell replicas and restarts apart.
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', checks, pid: process.pid, uptimeSeconds: Math.round(process.uptime()) });
  });
  app.get('/metrics', { schema: hidden }, async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/openapi.json', { schema: hidden }, async () => app.swagger());

  let closing: Promise<void> | undefined;
  return {
    name: options.name,
    app,
    logger: options.logger,
    metrics,
    addReadinessCheck: (check) => void readiness.push(check),
    onClose: (release) => void releases.push(release),
    async listen(port, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('Service did not bind a TCP port');
      return `http://${host}:${address.port}`;
    },
    close() {
      closing ??= (async () => {
        const drained = app.close();
        const drainTimeoutMs = options.drainTimeoutMs ?? 5_000;
        let deadline: NodeJS.Timeout | undefined;
        const late = await Promise.race([
          drained.then(() => false),
          new Promise<boolean>((resolve) => (deadline = setTimeout(() => resolve(true), drainTimeoutMs))),
        ]);
        clearTimeout(deadline);
        if (late) {
          options.logger.warn({ drainTimeoutMs }, 'requests still in flight after the drain timeout: closing their connections');
          app.server.closeAllConnections();
          await drained;
        }
        for (const release of releases.reverse()) {
          try {
            await release();
          } catch (error) {
            options.logger.error({ err: error }, 'failed to release a resource on close');
          }
        }
      })();
      return closing;
    },
  };
}

/** Schema of the problem+json body, for route response declarations. */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
});
