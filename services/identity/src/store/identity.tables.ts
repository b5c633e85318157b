import type { ColumnType, Generated } from '@bazaar/platform/db';
import type { MessagingTables } from '@bazaar/platform/messaging';
import type { JWK } from 'jose';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Moment = ColumnType<Date, Date, Date>;
type OptionalMoment = ColumnType<Date | null, Date | null | undefined, Date | null>;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  roles: string[];
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface SigningKeysTable {
  kid: string;
  algorithm: string;
  public_jwk: JWK;
  private_jwk: JWK;
  created_at: CreatedAt;
  superseded_at: OptionalMoment;
  retired_at: OptionalMoment;
}

export interface RefreshTokensTable {
  id: string;
  token_hash: string;
  family_id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Moment;
  used_at: OptionalMoment;
  revoked_at: OptionalMoment;
}

export interface LoginFailuresTable {
  scope: 'email' | 'ip';
  subject: string;
  window_started_at: Moment;
  failures: number;
}

/** Identity's database, as Kysely sees it. */
export interface IdentityTables extends MessagingTables {
  users: UsersTable;
  signing_keys: SigningKeysTable;
  refresh_tokens: RefreshTokensTable;
  login_failures: LoginFailuresTable;
}
