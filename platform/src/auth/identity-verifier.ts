import { AppError, PlatformErrors } from '../errors/index.ts';
import type { Discovery } from '../http/context.ts';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.ts';

/** Where the token issuer publishes its signing keys (RFC 8615 well-known location). */
const JWKS_PATH = '/.well-known/jwks.json';

/**
 * Verifies access tokens against the keys the issuing service (discovery name `issuer`, by default
 * `identity`) publishes. The key-set URL is looked up when a token arrives, not at start, so start order
 * does not matter and a moved issuer is followed.
 */
export function issuerTokenVerifier(discovery: Discovery, issuer = 'identity'): TokenVerifier {
  let current: { url: string; verifier: TokenVerifier } | undefined;
  return {
    async verify(token) {
      const base = discovery.urls(issuer)[0];
      if (!base) throw new AppError(PlatformErrors.UNAVAILABLE, `Tokens cannot be checked: ${issuer} is not reachable`);
      const url = `${base}${JWKS_PATH}`;
      if (current?.url !== url) current = { url, verifier: createTokenVerifier({ jwksUrl: url }) };
      return current.verifier.verify(token);
    },
  };
}
