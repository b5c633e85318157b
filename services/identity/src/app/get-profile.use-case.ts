import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { IdentityErrors } from '../contract/identity.errors.ts';
import type { UserRecord } from '../domain/user.model.ts';
import type { IdentityStore } from '../store/identity.store.ts';

/** The caller's own account; it may have been deleted since the token was issued. */
export async function getProfile(deps: { readonly store: IdentityStore }, userId: string): Promise<Result<UserRecord, AppError>> {
  const user = await deps.store.users.findById(userId);
  return user ? ok(user) : fail(new AppError(IdentityErrors.USER_NOT_FOUND));
}
