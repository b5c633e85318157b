import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@bazaar/platform/auth';
import { newId } from '@bazaar/platform/ids';
import { SignJWT } from 'jose';
import type { UserRecord } from '../domain/user.model.ts';
import type { NewRefreshToken } from '../store/refresh-token.repository.ts';
import { SIGNING_ALGORITHM, type SigningKeyRing } from './signing-key.ring.ts';

const REFRESH_TOKEN_BYTES = 32;
const DAY_MS = 86_400_000;

/** What a refresh token is stored as: a leaked table gives nobody a usable token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Issues the two halves of a session: signed access tokens and opaque refresh tokens. */
export interface SessionTokens {
  readonly accessTokenTtlSeconds: number;
  accessToken(user: Pick<UserRecord, 'id' | 'email' | 'roles'>): Promise<string>;
  /** A new refresh token and the row that stores it; a new family unless `familyId` continues one. */
  refreshToken(userId: string, familyId?: string): { token: string; record: NewRefreshToken };
}

export function createSessionTokens(options: {
  keyRing: SigningKeyRing;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
}): SessionTokens {
  return {
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    async accessToken(user) {
      const { kid, key } = await options.keyRing.signingKey();
      return new SignJWT({ email: user.email, roles: [...user.roles] })
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: 'at+jwt' })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setSubject(user.id)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime(`${options.accessTokenTtlSeconds}s`)
        .sign(key);
    },
    refreshToken(userId, familyId = newId('rtf')) {
      const token = randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
      return {
        token,
        record: {
          id: newId('rtk'),
          tokenHash: hashRefreshToken(token),
          familyId,
          userId,
          expiresAt: new Date(Date.now() + options.refreshTokenTtlDays * DAY_MS),
        },
      };
    },
  };
}
