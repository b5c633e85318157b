import { vi } from 'vitest';

/** A request the page made, as the fake server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

type Handler = (request: SeenRequest) => Response | Promise<Response>;

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A problem+json answer, as every Bazaar service sends errors. */
export function problem(status: number, title: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, ...extra }), { status, headers: { 'content-type': 'application/problem+json' } });
}

/**
 * Replaces `fetch` with a tiny router: `'GET /api/products'` (query string ignored unless the route has
 * one) → handler. Unrouted calls answer 404 problem+json so a forgotten route shows up as a visible error.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const requests: SeenRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://shop.test');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const request: SeenRequest = { method: (init.method ?? 'GET').toUpperCase(), path: `${url.pathname}${url.search}`, headers, body };
    requests.push(request);
    const handler = routes[`${request.method} ${request.path}`] ?? routes[`${request.method} ${url.pathname}`];
    if (!handler) return problem(404, 'Not found', { detail: `No fake route for ${request.method} ${request.path}` });
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    requests,
    /** The requests made to one method and path (query string ignored). */
    calls: (method: string, pathname: string) => requests.filter((r) => r.method === method && r.path.split('?')[0] === pathname),
  };
}

function base64Url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned token with identity's claims; the storefront only reads it, the gateway verifies. */
export function fakeAccessToken(claims: { sub?: string; email?: string; roles?: string[] } = {}): string {
  const payload = { sub: 'usr_test', email: 'sam@example.com', roles: ['customer'], ...claims };
  return `${base64Url({ alg: 'EdDSA', typ: 'JWT' })}.${base64Url(payload)}.signature`;
}

/** What identity answers to login and refresh (the refresh token in the body is what the page must ignore). */
export function tokenPair(token: string, expiresIn = 900): Response {
  return json({ accessToken: token, refreshToken: 'body-refresh-token-must-not-be-kept', expiresIn, tokenType: 'Bearer' });
}
