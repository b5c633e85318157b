import { AppError, PlatformErrors } from '@bazaar/platform/errors';
import type { App, ServiceClients, StreamedResponse } from '@bazaar/platform/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayRoute } from '../contract/index.ts';
import type { EdgeGuard } from '../app/edge-guard.ts';
import { forwardedRequestHeaders, forwardedResponseHeaders } from '../domain/forwarded-headers.ts';
import { routerPatterns } from '../domain/route-table.ts';

export interface ProxyRoutesOptions {
  readonly table: readonly GatewayRoute[];
  readonly clients: ServiceClients;
  readonly guard: EdgeGuard;
  readonly bodyLimit: number;
  readonly trustProxy: boolean;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CLIENT_CLOSED_REQUEST = 499;
/** A request path the next hop could misread (spaces, control or non-ASCII bytes) is refused at the edge. */
const FORWARDABLE_URL = /^\/[\x21-\x7e]*$/;

function clientIps(request: FastifyRequest, trustProxy: boolean): string[] {
  // With a trusted proxy in front, Fastify lists the chain newest-first; the next hop expects client-first.
  return trustProxy && request.ips && request.ips.length > 0 ? [...request.ips].reverse() : [request.ip];
}

/**
 * The pass-through routes: every route-table path forwards to its owning service and passes the answer back
 * unchanged (a small one whole, a larger one streamed). Bodies are taken as raw JSON bytes (parsed by the owning service, which also answers
 * malformed JSON), bounded by the body limit; other media types are refused with 415.
 */
export async function proxyRoutes(app: App, options: ProxyRoutesOptions): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: options.bodyLimit }, (_request, body, done) => done(null, body));

  for (const route of options.table) {
    const client = options.clients.for(route.service);
    const forward = async (request: FastifyRequest, reply: FastifyReply) => {
      const gone = new AbortController();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) gone.abort(new Error('the client closed the connection'));
      });
      let answer: StreamedResponse;
      try {
        answer = await client.forward({
          method: request.method,
          path: request.url,
          headers: forwardedRequestHeaders(request.headers, {
            ips: clientIps(request, options.trustProxy),
            protocol: request.protocol,
            host: request.headers.host,
          }),
          body: Buffer.isBuffer(request.body) ? request.body : undefined,
          signal: gone.signal,
          requestId: request.id,
          traceContext: request.traceContext,
        });
      } catch (error) {
        // A client that hung up is not a server failure: answer nginx's 499 rather than a logged 500.
        if (gone.signal.aborted) return reply.status(CLIENT_CLOSED_REQUEST).send();
        throw error;
      }
      return reply.status(answer.status).headers(forwardedResponseHeaders(answer.headers)).send(answer.body);
    };
    for (const url of routerPatterns(route.path)) {
      app.route({
        method: METHODS,
        url,
        config: { passThrough: true },
        schema: { hide: true },
        onRequest: async (request, reply) => {
          if (!FORWARDABLE_URL.test(request.url)) {
            throw new AppError(PlatformErrors.VALIDATION, 'The request path has characters that cannot be forwarded');
          }
          await options.guard(route, request, reply);
        },
        handler: forward,
      });
    }
  }
}
