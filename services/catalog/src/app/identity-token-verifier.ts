import { createTokenVerifier, type TokenVerifier } from '@bazaar/platform/auth';
import { AppError, PlatformErrors } from '@bazaar/platform/errors';
import type { Discovery } from '@bazaar/platform/http';

/** Where identity publishes its signing keys (RFC 8615 well-known location). */
const JWKS_PATH = '/.well-known/jwks.json';

/**
 * Verifies access tokens against identity's published keys. The key-set URL is looked up when a token
 * arrives, not when catalog starts, so start order does not matter and a moved identity is followed.
 */
export function identityTokenVerifier(discovery: Discovery): TokenVerifier {
  let current: { url: string; verifier: TokenVerifier } | undefined;
  return {
    async verify(token) {
      const base = discovery.urls('identity')[0];
      if (!base) throw new AppError(PlatformErrors.UNAVAILABLE, 'Tokens cannot be checked: identity is not reachable');
      const url = `${base}${JWKS_PATH}`;
      if (current?.url !== url) current = { url, verifier: createTokenVerifier({ jwksUrl: url }) };
      return current.verifier.verify(token);
    },
  };
}
