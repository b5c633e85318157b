import { authenticate, createTokenVerifier, type TokenVerifier } from '@bazaar/platform/auth';
import { AppError, PlatformErrors } from '@bazaar/platform/errors';
import type { Discovery } from '@bazaar/platform/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../contract/index.ts';

const IDENTITY = 'identity';
const JWKS_PATH = '/.well-known/jwks.json';

/** True when verification failed because identity's key set could not be fetched, not because of the token. */
function keysUnreachable(error: AppError): boolean {
  const cause = error.cause as { code?: unknown } | undefined;
  return cause instanceof TypeError || cause?.code === 'ERR_JWKS_TIMEOUT' || cause?.code === 'ERR_JOSE_GENERIC';
}

/**
 * Verifies access tokens against identity's JWKS, found through discovery. jose caches each key set and
 * refetches on an unknown `kid`, so rotation is followed; one set is kept per identity replica URL so a
 * replica that goes away is simply replaced by the next one listed.
 */
export function createIdentityVerifier(discovery: Discovery): TokenVerifier {
  const verifiers = new Map<string, TokenVerifier>();
  return {
    async verify(token) {
      const url = discovery.urls(IDENTITY)[0];
      if (url === undefined) throw new AppError(PlatformErrors.UNAVAILABLE, 'Access tokens cannot be verified: identity is not running');
      let verifier = verifiers.get(url);
      if (!verifier) {
        verifier = createTokenVerifier({ jwksUrl: `${url}${JWKS_PATH}` });
        verifiers.set(url, verifier);
      }
      try {
        return await verifier.verify(token);
      } catch (error) {
        // A valid token must not read as invalid (and log the user out) just because identity is briefly away.
        if (AppError.is(error, PlatformErrors.INVALID_TOKEN) && keysUnreachable(error)) {
          throw new AppError(PlatformErrors.UNAVAILABLE, 'Access tokens cannot be verified right now', { cause: error });
        }
        throw error;
      }
    },
  };
}

/** The edge's check for a route's access level: public routes pass untouched, others need a valid token (and role). */
export function createEdgeAuth(verifier: TokenVerifier) {
  const customer = authenticate(verifier);
  const admin = authenticate(verifier, ['admin']);
  return async function checkAccess(access: Access, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (access === 'customer') await customer.call(request.server, request, reply);
    else if (access === 'admin') await admin.call(request.server, request, reply);
  };
}
