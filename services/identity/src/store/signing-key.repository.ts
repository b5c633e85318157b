import { type Kysely, sql } from '@bazaar/platform/db';
import type { JWK } from 'jose';
import type { IdentityTables } from './identity.tables.ts';

/** A signing key pair as stored; `supersededAt` is null for the one key that signs. */
export interface StoredSigningKey {
  readonly kid: string;
  readonly algorithm: string;
  readonly publicJwk: JWK;
  readonly privateJwk: JWK;
  readonly createdAt: Date;
  readonly supersededAt: Date | null;
}

/** Serializes key changes across replicas (first start, rotation). */
const SIGNING_KEYS_LOCK = 'identity.signing_keys';

/** The signing keys every replica shares, so tokens outlive restarts and verify on any replica. */
export function createSigningKeyRepository(db: Kysely<IdentityTables>) {
  return {
    /** Takes a transaction-scoped lock; call it first inside the transaction that changes keys. */
    async lock(): Promise<void> {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${SIGNING_KEYS_LOCK}))`.execute(db);
    },

    /** Every key not yet retired, oldest first. */
    async listPublished(): Promise<StoredSigningKey[]> {
      const rows = await db.selectFrom('signing_keys').selectAll().where('retired_at', 'is', null).orderBy('created_at').orderBy('kid').execute();
      return rows.map((row) => ({
        kid: row.kid,
        algorithm: row.algorithm,
        publicJwk: row.public_jwk,
        privateJwk: row.private_jwk,
        createdAt: row.created_at,
        supersededAt: row.superseded_at,
      }));
    },

    async supersedeActive(): Promise<void> {
      await db.updateTable('signing_keys').set({ superseded_at: sql`now()` }).where('superseded_at', 'is', null).execute();
    },

    async insertActive(key: { kid: string; algorithm: string; publicJwk: JWK; privateJwk: JWK }): Promise<void> {
      await db
        .insertInto('signing_keys')
        .values({ kid: key.kid, algorithm: key.algorithm, public_jwk: key.publicJwk, private_jwk: key.privateJwk })
        .execute();
    },

    async retire(kids: readonly string[]): Promise<void> {
      if (kids.length === 0) return;
      await db.updateTable('signing_keys').set({ retired_at: sql`now()` }).where('kid', 'in', kids).execute();
    },

    /** The database's clock, so that replicas with drifting clocks agree on key ages. */
    async now(): Promise<Date> {
      const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db);
      return rows[0]!.now;
    },
  };
}

export type SigningKeyRepository = ReturnType<typeof createSigningKeyRepository>;
