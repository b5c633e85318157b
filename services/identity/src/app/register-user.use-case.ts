import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { newId } from '@bazaar/platform/ids';
import type { RegisterRequest } from '../contract/auth.schemas.ts';
import { IdentityErrors } from '../contract/identity.errors.ts';
import { parseEmail } from '../domain/email.address.ts';
import { checkPassword } from '../domain/password.policy.ts';
import { NEW_USER_ROLES, normalizeName, type UserRecord } from '../domain/user.model.ts';
import type { IdentityStore } from '../store/identity.store.ts';
import type { PasswordHasher } from './password.hasher.ts';

export interface RegisterUserDeps {
  readonly store: IdentityStore;
  readonly hasher: PasswordHasher;
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

  const user = await deps.store.users.insert({
    id: newId('usr'),
    email: email.value.address,
    name: normalizeName(input.name),
    passwordHash: await deps.hasher.hash(input.password),
    roles: NEW_USER_ROLES,
  });
  return user ? ok(user) : fail(new AppError(IdentityErrors.EMAIL_TAKEN));
}
