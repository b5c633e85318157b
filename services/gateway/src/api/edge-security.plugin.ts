import cors from '@fastify/cors';
import helmet from 'helmet';
import type { App } from '@bazaar/platform/http';

/**
 * Security headers for a JSON API (nothing may be loaded or framed from its responses) and CORS for the
 * configured browser origins only; with none configured, no cross-origin access is granted.
 */
export async function registerEdgeSecurity(app: App, origins: readonly string[]): Promise<void> {
  // Built once: the Fastify wrapper rebuilds helmet's middleware (and re-parses the policy) on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  if (origins.length > 0) {
    await app.register(cors, {
      origin: [...origins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-cart-id', 'x-request-id', 'traceparent', 'tracestate'],
      exposedHeaders: ['x-request-id', 'location', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
      maxAge: 600,
    });
  }
}
