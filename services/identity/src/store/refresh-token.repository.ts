import { type Kysely, sql } from '@bazaar/platform/db';
import type { RefreshTokenState } from '../domain/refresh-token.policy.ts';
import type { IdentityTables } from './identity.tables.ts';

/** A stored refresh token: never the token itself, only its SHA-256. */
export interface StoredRefreshToken extends RefreshTokenState {
  readonly id: string;
  readonly familyId: string;
  readonly userId: string;
}

export interface NewRefreshToken {
  readonly id: string;
  readonly tokenHash: string;
  readonly familyId: string;
  readonly userId: string;
  readonly expiresAt: Date;
}

/** Refresh tokens grouped in families: every token one login's chain of refreshes produced. */
export function createRefreshTokenRepository(db: Kysely<IdentityTables>) {
  return {
    async insert(token: NewRefreshToken): Promise<void> {
      await db
        .insertInto('refresh_tokens')
        .values({
          id: token.id,
          token_hash: token.tokenHash,
          family_id: token.familyId,
          user_id: token.userId,
          expires_at: token.expiresAt,
        })
        .execute();
    },

    /** Finds a token and locks its row until the transaction ends, so two refreshes cannot both spend it. */
    async findForUpdate(tokenHash: string): Promise<StoredRefreshToken | undefined> {
      const row = await db
        .selectFrom('refresh_tokens')
        .select(['id', 'family_id', 'user_id', 'expires_at', 'used_at', 'revoked_at'])
        .where('token_hash', '=', tokenHash)
        .forUpdate()
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          familyId: row.family_id,
          userId: row.user_id,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
          revokedAt: row.revoked_at,
        }
      );
    },

    async findFamilyOf(tokenHash: string): Promise<string | undefined> {
      const row = await db.selectFrom('refresh_tokens').select('family_id').where('token_hash', '=', tokenHash).executeTakeFirst();
      return row?.family_id;
    },

    async markUsed(id: string): Promise<void> {
      await db.updateTable('refresh_tokens').set({ used_at: sql`now()` }).where('id', '=', id).execute();
    },

    /** Revokes every token of the family that is not revoked yet. */
    async revokeFamily(familyId: string): Promise<void> {
      await db
        .updateTable('refresh_tokens')
        .set({ revoked_at: sql`now()` })
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}

export type RefreshTokenRepository = ReturnType<typeof createRefreshTokenRepository>;
