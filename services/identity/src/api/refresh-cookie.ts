import fastifyCookie from '@fastify/cookie';
import type { App } from '@bazaar/platform/http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The refresh token's cookie, for browsers: script on the page never sees it (`HttpOnly`), other sites never
 * send it (`SameSite=Strict`), and it travels only to the auth routes (`Path=/api/auth`). Other clients keep
 * using the token in the JSON body.
 */
export const REFRESH_COOKIE = 'bazaar_refresh';
const COOKIE_PATH = '/api/auth';

export async function registerRefreshCookie(app: App): Promise<void> {
  await app.register(fastifyCookie);
}

export function setRefreshCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    maxAge: maxAgeSeconds,
    // Plain http on localhost must work; anything served over https gets a cookie that never leaves it.
    secure: request.protocol === 'https',
  });
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', path: COOKIE_PATH, secure: request.protocol === 'https' });
}

/** The refresh token a request presents: in its body, or else in its cookie. */
export function presentedRefreshToken(request: FastifyRequest, body: { refreshToken?: string | undefined } | null | undefined): string | undefined {
  return body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
}
