import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
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

/** How long a verified token is taken on trust before its signature is checked again (never past its expiry). */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX_ENTRIES = 10_000;

/**
 * Verifies EdDSA access tokens against identity's JWKS. `jose` caches the key set and refetches it when a
 * token names an unknown `kid`, so key rotation is followed without a restart. A token that verified is
 * remembered (by its whole text, signature included) until it expires or for a minute at most, so a shopper's
 * burst of requests costs one signature check; a token that failed is checked again every time.
 */
export function createTokenVerifier(options: { jwksUrl: string } | { keys: JWTVerifyGetKey }): TokenVerifier {
  const keys =
    'keys' in options
      ? options.keys
      : createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 5_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 2_000 });
  const verified = new LRUCache<string, Principal>({ max: VERIFIED_MAX_ENTRIES, ttl: VERIFIED_TTL_MS });
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known) return known;
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          algorithms: ['EdDSA'],
          requiredClaims: ['sub', 'exp', 'iat'],
        });
        const roles = Array.isArray(payload['roles']) ? payload['roles'].filter((r): r is string => typeof r === 'string') : [];
        if (typeof payload.sub !== 'string' || typeof payload['email'] !== 'string') throw new Error('claims missing');
        const principal: Principal = { userId: payload.sub, email: payload['email'], roles };
        const untilExpiry = payload.exp! * 1000 - Date.now();
        if (untilExpiry > 0) verified.set(token, principal, { ttl: Math.min(VERIFIED_TTL_MS, untilExpiry) });
        return principal;
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
