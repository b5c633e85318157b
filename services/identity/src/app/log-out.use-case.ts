import type { IdentityStore } from '../store/identity.store.ts';
import { hashRefreshToken } from './session-token.issuer.ts';

/**
 * Ends the session the refresh token belongs to by revoking its family. An unknown token is not an error:
 * logging out is idempotent, and the answer must not tell whether a token ever existed.
 */
export async function logOut(deps: { readonly store: IdentityStore }, refreshToken: string): Promise<void> {
  const familyId = await deps.store.refreshTokens.findFamilyOf(hashRefreshToken(refreshToken));
  if (familyId !== undefined) await deps.store.refreshTokens.revokeFamily(familyId);
}
