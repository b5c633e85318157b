import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError, PlatformErrors } from '../errors/index.ts';
import type { Principal, TokenVerifier } from './token-verifier.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate`: the verified caller. */
    principal?: Principal;
  }
}

/** The bearer token of a request, or undefined when there is none. */
export function bearerToken(request: Pick<FastifyRequest, 'headers'>): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  return match?.[1];
}

/** A preHandler that requires a valid access token and, when `roles` is given, one of those roles. */
export function authenticate(verifier: TokenVerifier, roles: readonly string[] = []): preHandlerAsyncHookHandler {
  return async function guard(request: FastifyRequest, _reply: FastifyReply) {
    const token = bearerToken(request);
    if (token === undefined) {
      throw new AppError(PlatformErrors.UNAUTHENTICATED, undefined, { headers: { 'www-authenticate': 'Bearer' } });
    }
    const principal = await verifier.verify(token);
    if (roles.length > 0 && !roles.some((role) => principal.roles.includes(role))) {
      throw new AppError(PlatformErrors.FORBIDDEN, `This requires the role ${roles.join(' or ')}`);
    }
    request.principal = principal;
  };
}

/** The principal a guarded handler runs for; throws if the route forgot its guard. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('route is missing its authenticate() guard');
  return request.principal;
}
