/** The state of a stored refresh token that decides what presenting it does. */
export interface RefreshTokenState {
  readonly usedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly expiresAt: Date;
}

/**
 * `reused` means a token that was already exchanged is presented again: either its holder or a thief has
 * a copy, and identity cannot tell which, so the whole family must be revoked.
 */
export type RefreshVerdict = 'valid' | 'reused' | 'rejected';

export function refreshVerdict(token: RefreshTokenState | undefined, now: Date): RefreshVerdict {
  if (token === undefined || token.revokedAt !== null) return 'rejected';
  if (token.usedAt !== null) return 'reused';
  if (token.expiresAt.getTime() <= now.getTime()) return 'rejected';
  return 'valid';
}
