import { describe, expect, it } from 'vitest';
import { fakeAccessToken, fakeApi, tokenPair } from '../test/fake-api.ts';
import { refreshDelayMs } from './auth-context.tsx';
import { refreshSession } from './refresh.ts';
import { currentSession } from './token-store.ts';

describe('refreshSession', () => {
  it('sends an empty body and lets the httpOnly cookie carry the refresh token', async () => {
    const api = fakeApi({ 'POST /api/auth/refresh': () => tokenPair(fakeAccessToken()) });

    await refreshSession();

    expect(api.requests[0]?.body).toEqual({});
    const init = (globalThis.fetch as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[0]?.[1];
    expect(init?.credentials).toBe('same-origin');
  });

  it('keeps the access token in memory and never stores the refresh token from the body', async () => {
    const token = fakeAccessToken();
    fakeApi({ 'POST /api/auth/refresh': () => tokenPair(token) });

    await refreshSession();

    expect(currentSession()?.accessToken).toBe(token);
    const stored = [...Object.values(window.localStorage), ...Object.values(window.sessionStorage), document.cookie].join('|');
    expect(stored).not.toContain('body-refresh-token-must-not-be-kept');
    expect(stored).not.toContain(token);
  });

  it('shares one request between concurrent callers (refresh tokens rotate; a second use would revoke them)', async () => {
    const api = fakeApi({ 'POST /api/auth/refresh': () => tokenPair(fakeAccessToken()) });

    const [first, second] = await Promise.all([refreshSession(), refreshSession()]);

    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(first).toBe(second);
  });
});

describe('refreshDelayMs', () => {
  it('renews a minute before a 15-minute token expires', () => {
    expect(refreshDelayMs(900_000, 0)).toBe(840_000);
  });

  it('renews a short-lived token when nine tenths of its life have passed', () => {
    expect(refreshDelayMs(100_000, 0)).toBe(90_000);
  });

  it('renews at once when the token is already past due', () => {
    expect(refreshDelayMs(1_000, 5_000)).toBe(0);
  });
});
