import { AppError, unwrap } from '@bazaar/platform/errors';
import type { App } from '@bazaar/platform/http';
import { Type } from '@sinclair/typebox';
import { LoginRequest, LogoutRequest, RefreshRequest, RegisterRequest, TokenPair, User } from '../contract/auth.schemas.ts';
import { IdentityErrors } from '../contract/identity.errors.ts';
import { IdentityPaths } from '../contract/identity.paths.ts';
import { logIn, type LogInDeps } from '../app/log-in.use-case.ts';
import { logOut } from '../app/log-out.use-case.ts';
import { refreshSession, type RefreshSessionDeps } from '../app/refresh-session.use-case.ts';
import { registerUser, type RegisterUserDeps } from '../app/register-user.use-case.ts';
import { toUserView } from '../app/user.view.ts';
import { clearRefreshCookie, presentedRefreshToken, setRefreshCookie } from './refresh-cookie.ts';

export type AuthRouteDeps = RegisterUserDeps &
  LogInDeps &
  RefreshSessionDeps & {
    /** How long the refresh cookie lives: as long as the refresh token it carries. */
    readonly refreshTokenTtlSeconds: number;
  };

// Tokens must not be kept by browsers or intermediaries (RFC 6749 §5.1).
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** Registration and the session lifecycle: login, refresh, logout (the refresh token in the body, or in its cookie). */
export function registerAuthRoutes(app: App, deps: AuthRouteDeps): void {
  const tags = ['auth'];

  app.post(
    IdentityPaths.register,
    { schema: { tags, summary: 'Create a customer account', body: RegisterRequest, response: { 201: User } } },
    async (request, reply) => {
      const user = unwrap(await registerUser(deps, request.body));
      return reply.status(201).send(toUserView(user));
    },
  );

  app.post(
    IdentityPaths.login,
    { schema: { tags, summary: 'Sign in with e-mail and password', body: LoginRequest, response: { 200: TokenPair } } },
    async (request, reply) => {
      const pair = unwrap(await logIn(deps, { ...request.body, clientIp: request.ip }));
      setRefreshCookie(request, reply, pair.refreshToken, deps.refreshTokenTtlSeconds);
      return reply.headers(NO_STORE).send(pair);
    },
  );

  app.post(
    IdentityPaths.refresh,
    { schema: { tags, summary: 'Trade a refresh token for a new token pair', body: RefreshRequest, response: { 200: TokenPair } } },
    async (request, reply) => {
      const presented = presentedRefreshToken(request, request.body);
      if (presented === undefined) throw new AppError(IdentityErrors.INVALID_REFRESH_TOKEN);
      const result = await refreshSession(deps, presented);
      // A refused token is dead for good (spent, revoked or expired): the browser may as well forget it.
      if (!result.ok) clearRefreshCookie(request, reply);
      const pair = unwrap(result);
      setRefreshCookie(request, reply, pair.refreshToken, deps.refreshTokenTtlSeconds);
      return reply.headers(NO_STORE).send(pair);
    },
  );

  app.post(
    IdentityPaths.logout,
    { schema: { tags, summary: 'End the session of a refresh token', body: LogoutRequest, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const presented = presentedRefreshToken(request, request.body);
      if (presented !== undefined) await logOut(deps, presented);
      clearRefreshCookie(request, reply);
      return reply.status(204).send(null);
    },
  );
}
