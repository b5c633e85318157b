import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError, PlatformErrors } from '../errors/index.ts';

/** Who is calling, as proven by a verified access token. */
export interface Principal {
  readonly userId: string;
  readonly email: string;
  readonly roles: readonly string[];
}

/** The issuer and audience every Bazaar access token carries. */
export const TOKEN_ISSUER = 'bazaar-identity';
export const TOKEN_AUDIENCE = 'bazaar';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/**
 * Verifies EdDSA access tokens against identity's JWKS. `jose` caches the key set and refetches it when a
 * token names an unknown `kid`, so key rotation is followed without a restart.
 */
export function createTokenVerifier(options: { jwksUrl: string } | { keys: JWTVerifyGetKey }): TokenVerifier {
  const keys =
    'keys' in options
      ? options.keys
      : createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 5_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 2_000 });
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          algorithms: ['EdDSA'],
          requiredClaims: ['sub', 'exp', 'iat'],
        });
        const roles = Array.isArray(payload['roles']) ? payload['roles'].filter((r): r is string => typeof r === 'string') : [];
        if (typeof payload.sub !== 'string' || typeof payload['email'] !== 'string') throw new Error('claims missing');
        return { userId: payload.sub, email: payload['email'], roles };
      } catch (error) {
        // A 401 must carry a challenge (RFC 9110 §15.5.2); RFC 6750 names the error for bearer tokens.
        throw new AppError(PlatformErrors.INVALID_TOKEN, undefined, {
          cause: error,
          headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
        });
      }
    },
  };
}
