import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import type { LoginRequest, TokenPair } from '../contract/auth.schemas.ts';
import { IdentityErrors } from '../contract/identity.errors.ts';
import { normalizeEmail } from '../domain/email.address.ts';
import { throttleVerdict, type ThrottleLimits } from '../domain/login-throttle.policy.ts';
import type { IdentityStore } from '../store/identity.store.ts';
import type { FailureSubject } from '../store/login-failure.repository.ts';
import type { PasswordHasher } from './password.hasher.ts';
import type { SessionTokens } from './session-token.issuer.ts';

export interface LogInDeps {
  readonly store: IdentityStore;
  readonly hasher: PasswordHasher;
  readonly tokens: SessionTokens;
  readonly limits: ThrottleLimits;
}

/**
 * Signs a user in and starts a new refresh-token family. An unknown address and a wrong password fail
 * alike, in body and in time, and both count against the address and the client's IP.
 */
export async function logIn(deps: LogInDeps, input: LoginRequest & { clientIp: string }): Promise<Result<TokenPair, AppError>> {
  const { store, hasher, tokens, limits } = deps;
  const email = normalizeEmail(input.email);
  const byEmail: FailureSubject = { scope: 'email', subject: email };
  const subjects: FailureSubject[] = [byEmail, { scope: 'ip', subject: input.clientIp }];

  const verdict = throttleVerdict(await store.loginFailures.openWindows(subjects, limits.windowSeconds), limits);
  if (verdict.blocked) {
    return fail(new AppError(IdentityErrors.TOO_MANY_ATTEMPTS, undefined, { headers: { 'retry-after': String(verdict.retryAfterSeconds) } }));
  }

  const user = await store.users.findByEmail(email);
  const matches = user ? await hasher.verify(user.passwordHash, input.password) : await hasher.verifyWithoutAccount(input.password);
  if (!user || !matches) {
    await store.loginFailures.record(subjects, limits.windowSeconds);
    return fail(new AppError(IdentityErrors.INVALID_CREDENTIALS));
  }

  await store.loginFailures.clear(byEmail);
  if (hasher.needsRehash(user.passwordHash)) await store.users.updatePasswordHash(user.id, await hasher.hash(input.password));
  const refresh = tokens.refreshToken(user.id);
  await store.refreshTokens.insert(refresh.record);
  return ok({
    accessToken: await tokens.accessToken(user),
    refreshToken: refresh.token,
    expiresIn: tokens.accessTokenTtlSeconds,
    tokenType: 'Bearer',
  });
}
