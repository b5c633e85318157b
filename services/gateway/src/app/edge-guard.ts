import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayRoute } from '../contract/index.ts';
import { accessFor } from '../domain/route-table.ts';
import type { createEdgeAuth } from './edge-auth.ts';
import type { EdgeRateLimits } from './edge-rate-limits.ts';

/** Runs before a forwarded request is read: rate limits and the route's access rule. */
export type EdgeGuard = (route: GatewayRoute | undefined, request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * The edge's order of checks: the client address's bucket first (cheapest, and it shields token
 * verification from floods), then the route's access rule, then the verified user's own bucket.
 */
export function createEdgeGuard(checkAccess: ReturnType<typeof createEdgeAuth>, limits: EdgeRateLimits): EdgeGuard {
  return async (route, request, reply) => {
    let headers = await limits.byIp(request.ip);
    if (route) {
      await checkAccess(accessFor(route, request.method), request, reply);
      if (request.principal) headers = await limits.byUser(request.principal.userId);
    }
    void reply.headers(headers);
  };
}
