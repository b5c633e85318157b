import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { newId } from '@bazaar/platform/ids';
import type { Outbox } from '@bazaar/platform/messaging';
import type { RegisterRequest } from '../contract/auth.schemas.ts';
import { UserRegistered } from '../contract/identity.events.ts';
import { IdentityErrors } from '../contract/identity.errors.ts';
import { parseEmail } from '../domain/email.address.ts';
import { checkPassword } from '../domain/password.policy.ts';
import { NEW_USER_ROLES, normalizeName, type UserRecord } from '../domain/user.model.ts';
import type { IdentityStore } from '../store/identity.store.ts';
import type { PasswordHasher } from './password.hasher.ts';

export interface RegisterUserDeps {
  readonly store: IdentityStore;
  readonly hasher: PasswordHasher;
  readonly outbox: Outbox;
}

/**
 * Creates a customer account. A taken address is reported as such: that reveals the account exists, the
 * compromise every sign-up form makes; login, which an attacker can repeat cheaply, never does.
 */
export async function registerUser(deps: RegisterUserDeps, input: RegisterRequest): Promise<Result<UserRecord, AppError>> {
  const email = parseEmail(input.email);
  if (!email.ok) return email;
  const password = checkPassword(input.password, email.value.localPart);
  if (!password.ok) return password;

  // Hashing is slow on purpose: it happens before the transaction, which only holds the two inserts.
  const passwordHash = await deps.hasher.hash(input.password);
  const user = await deps.store.transaction(async (tx, trx) => {
    const created = await tx.users.insert({
      id: newId('usr'),
      email: email.value.address,
      name: normalizeName(input.name),
      passwordHash,
      roles: NEW_USER_ROLES,
    });
    if (created) await deps.outbox.write(trx, UserRegistered.create({ userId: created.id, email: created.email, name: created.name }));
    return created;
  });
  return user ? ok(user) : fail(new AppError(IdentityErrors.EMAIL_TAKEN));
}
