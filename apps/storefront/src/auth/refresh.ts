import { clearAccessToken, storeAccessToken, type AccessSession } from './token-store.ts';

const REFRESH_PATH = '/api/auth/refresh';

let inflight: Promise<AccessSession | null> | null = null;

async function exchangeRefreshCookie(): Promise<AccessSession | null> {
  try {
    // The refresh token is the httpOnly `bazaar_refresh` cookie (Path=/api/auth): the browser sends it, no
    // script can read it, and the body's `refreshToken` field is deliberately ignored.
    const response = await fetch(REFRESH_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{}',
    });
    if (!response.ok) {
      clearAccessToken();
      return null;
    }
    const body = (await response.json()) as { accessToken?: unknown; expiresIn?: unknown };
    if (typeof body.accessToken !== 'string' || typeof body.expiresIn !== 'number') {
      clearAccessToken();
      return null;
    }
    return storeAccessToken(body.accessToken, body.expiresIn);
  } catch {
    // Offline or the gateway is down: the session is not known to be over, but there is no token to use.
    clearAccessToken();
    return null;
  }
}

/**
 * Trades the refresh cookie for a new access token. Concurrent callers share one request, and tabs take
 * turns through a Web Lock: refresh tokens rotate, and a second tab presenting the already-spent cookie
 * would make identity revoke the whole session family.
 */
export function refreshSession(): Promise<AccessSession | null> {
  if (!inflight) {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const run = locks ? locks.request('bazaar-session-refresh', exchangeRefreshCookie) : exchangeRefreshCookie();
    inflight = run.finally(() => {
      inflight = null;
    });
  }
  return inflight;
}
