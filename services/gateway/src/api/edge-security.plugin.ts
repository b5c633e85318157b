import cors from '@fastify/cors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { App } from '@bazaar/platform/http';

/**
 * The headers helmet sets for a JSON API (nothing may be loaded or framed from its responses). They depend on
 * nothing in the request, so helmet runs once, against a response that records them, and every request gets
 * the recorded list instead of a dozen middleware calls.
 */
function securityHeaders(): readonly (readonly [string, string])[] {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  const recorded = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => recorded.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => recorded.delete(name.toLowerCase()),
  };
  let failure: unknown;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return [...recorded];
}

/**
 * Security headers for a JSON API (nothing may be loaded or framed from its responses) and CORS for the
 * configured browser origins only; with none configured, no cross-origin access is granted.
 */
export async function registerEdgeSecurity(app: App, origins: readonly string[]): Promise<void> {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    // On Fastify's reply, not the raw response: they reach the client in the one writeHead of the answer,
    // without node:http building and checking a header table per request.
    for (const [name, value] of headers) reply.header(name, value);
    done();
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
