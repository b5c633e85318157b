import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import type { Logger } from '@bazaar/platform/telemetry';
import type { TokenPair } from '../contract/auth.schemas.ts';
import { IdentityErrors } from '../contract/identity.errors.ts';
import { refreshVerdict } from '../domain/refresh-token.policy.ts';
import type { UserRecord } from '../domain/user.model.ts';
import type { IdentityStore } from '../store/identity.store.ts';
import { hashRefreshToken, type SessionTokens } from './session-token.issuer.ts';

export interface RefreshSessionDeps {
  readonly store: IdentityStore;
  readonly tokens: SessionTokens;
  readonly logger: Logger;
}

type Exchange =
  | { readonly kind: 'rotated'; readonly user: UserRecord; readonly refreshToken: string }
  | { readonly kind: 'reused'; readonly userId: string; readonly familyId: string }
  | { readonly kind: 'rejected' };

/**
 * Trades a refresh token for a new pair in the same family. The presented token's row stays locked from
 * the check to the rotation, so a token is spent once even when two requests race with it; a token spent
 * before revokes its whole family, and that revocation commits even though the request fails.
 */
export async function refreshSession(deps: RefreshSessionDeps, refreshToken: string): Promise<Result<TokenPair, AppError>> {
  const { store, tokens } = deps;
  const exchange = await store.transaction(async (tx): Promise<Exchange> => {
    const stored = await tx.refreshTokens.findForUpdate(hashRefreshToken(refreshToken));
    const verdict = refreshVerdict(stored, new Date());
    if (!stored || verdict === 'rejected') return { kind: 'rejected' };
    if (verdict === 'reused') {
      await tx.refreshTokens.revokeFamily(stored.familyId);
      return { kind: 'reused', userId: stored.userId, familyId: stored.familyId };
    }
    const user = await tx.users.findById(stored.userId);
    if (!user) return { kind: 'rejected' };
    await tx.refreshTokens.markUsed(stored.id);
    const next = tokens.refreshToken(user.id, stored.familyId);
    await tx.refreshTokens.insert(next.record);
    return { kind: 'rotated', user, refreshToken: next.token };
  });

  if (exchange.kind === 'reused') {
    deps.logger.warn({ userId: exchange.userId, familyId: exchange.familyId }, 'spent refresh token presented again: family revoked');
  }
  if (exchange.kind !== 'rotated') return fail(new AppError(IdentityErrors.INVALID_REFRESH_TOKEN));
  return ok({
    accessToken: await tokens.accessToken(exchange.user),
    refreshToken: exchange.refreshToken,
    expiresIn: tokens.accessTokenTtlSeconds,
    tokenType: 'Bearer',
  });
}
