import { ok, type AppError, type Result } from '@bazaar/platform/errors';
import { newId } from '@bazaar/platform/ids';
import { parseEmail } from '../domain/email.address.ts';
import { checkPassword } from '../domain/password.policy.ts';
import { ADMIN_ROLES, normalizeName } from '../domain/user.model.ts';
import type { IdentityStore } from '../store/identity.store.ts';
import type { PasswordHasher } from './password.hasher.ts';

/** The administrator account a placement asks for at start. */
export interface EnsureAdminInput {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

/**
 * Creates the administrator account, or grants the admin role to an existing account with that address.
 * An existing account keeps its password: the configured one is only the initial password. Safe when
 * replicas run it together.
 */
export async function ensureAdmin(
  deps: { readonly store: IdentityStore; readonly hasher: PasswordHasher },
  input: EnsureAdminInput,
): Promise<Result<void, AppError>> {
  const email = parseEmail(input.email);
  if (!email.ok) return email;
  const { users } = deps.store;
  if (!(await users.findByEmail(email.value.address))) {
    // Admin addresses are role addresses (admin@…) and operators' passwords often name the role, so the
    // e-mail rule is left out here; length and the block list still apply to the configured password.
    const password = checkPassword(input.password, '');
    if (!password.ok) return password;
    await users.insert({
      id: newId('usr'),
      email: email.value.address,
      name: normalizeName(input.name),
      passwordHash: await deps.hasher.hash(input.password),
      roles: ADMIN_ROLES,
    });
  }
  await users.grantRole(email.value.address, 'admin');
  return ok(undefined);
}
