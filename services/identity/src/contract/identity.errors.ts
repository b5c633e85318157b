import { defineErrors } from '@bazaar/platform/errors';

/** Every failure identity reports on purpose, with its stable code and HTTP status. */
export const IdentityErrors = defineErrors('IDENTITY', {
  INVALID_EMAIL: [400, 'The e-mail address is not valid'],
  WEAK_PASSWORD: [400, 'The password does not meet the password policy'],
  EMAIL_TAKEN: [409, 'An account with this e-mail address already exists'],
  INVALID_CREDENTIALS: [401, 'The e-mail address or password is incorrect'],
  TOO_MANY_ATTEMPTS: [429, 'Too many failed sign-in attempts; try again later'],
  INVALID_REFRESH_TOKEN: [401, 'The refresh token is invalid, expired or revoked'],
  USER_NOT_FOUND: [404, 'The account no longer exists'],
});
