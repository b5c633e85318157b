import { inTransaction, type Kysely } from '@bazaar/platform/db';
import type { IdentityTables } from './identity.tables.ts';
import { createLoginFailureRepository, type LoginFailureRepository } from './login-failure.repository.ts';
import { createRefreshTokenRepository, type RefreshTokenRepository } from './refresh-token.repository.ts';
import { createSigningKeyRepository, type SigningKeyRepository } from './signing-key.repository.ts';
import { createUserRepository, type UserRepository } from './user.repository.ts';

export interface IdentityRepositories {
  readonly users: UserRepository;
  readonly refreshTokens: RefreshTokenRepository;
  readonly signingKeys: SigningKeyRepository;
  readonly loginFailures: LoginFailureRepository;
}

/** Identity's repositories, and a way to use them all inside one transaction. */
export interface IdentityStore extends IdentityRepositories {
  /** `trx` is for what commits with the repositories' writes, such as outbox messages. */
  transaction<T>(work: (tx: IdentityRepositories, trx: Kysely<IdentityTables>) => Promise<T>): Promise<T>;
}

function repositories(db: Kysely<IdentityTables>): IdentityRepositories {
  return {
    users: createUserRepository(db),
    refreshTokens: createRefreshTokenRepository(db),
    signingKeys: createSigningKeyRepository(db),
    loginFailures: createLoginFailureRepository(db),
  };
}

export function createIdentityStore(db: Kysely<IdentityTables>): IdentityStore {
  return {
    ...repositories(db),
    transaction: (work) => inTransaction(db, (trx) => work(repositories(trx), trx)),
  };
}
