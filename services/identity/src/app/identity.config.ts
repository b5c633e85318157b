import { type Static, Type } from '@sinclair/typebox';

/** Identity's settings, read from its environment by `loadConfig`. */
export const IdentityConfig = Type.Object({
  IDENTITY_ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 900 }),
  IDENTITY_REFRESH_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  // OWASP's minimum argon2id parameters; tests lower them to stay fast.
  IDENTITY_ARGON2_MEMORY_KIB: Type.Integer({ minimum: 64, maximum: 4_194_304, default: 19_456 }),
  IDENTITY_ARGON2_TIME_COST: Type.Integer({ minimum: 1, maximum: 100, default: 2 }),
  IDENTITY_LOGIN_MAX_FAILURES_PER_EMAIL: Type.Integer({ minimum: 1, default: 5 }),
  IDENTITY_LOGIN_MAX_FAILURES_PER_IP: Type.Integer({ minimum: 1, default: 50 }),
  IDENTITY_LOGIN_FAILURE_WINDOW_SECONDS: Type.Integer({ minimum: 1, default: 900 }),
});
export type IdentityConfig = Static<typeof IdentityConfig>;
