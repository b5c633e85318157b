import { describe, expect, it, vi } from 'vitest';
import { currentSession, storeAccessToken } from '../auth/token-store.ts';
import { fakeAccessToken, fakeApi, json, problem, tokenPair } from '../test/fake-api.ts';
import { apiRequest, setSessionExpiredHandler, startEarly } from './http.ts';
import { ApiError } from './problem.ts';

describe('apiRequest', () => {
  it('sends the access token and JSON body, and returns the parsed answer', async () => {
    const token = fakeAccessToken();
    storeAccessToken(token, 900);
    const api = fakeApi({ 'POST /api/cart/items': () => json({ ok: true }) });

    await expect(apiRequest('/api/cart/items', { method: 'POST', body: { productId: 'p', quantity: 2 } })).resolves.toEqual({ ok: true });
    expect(api.requests[0]).toMatchObject({ headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: { productId: 'p', quantity: 2 } });
  });

  it('turns a problem+json answer into an ApiError with its title, detail and field errors', async () => {
    fakeApi({
      'POST /api/products': () =>
        problem(400, 'The request is not valid', { code: 'PLATFORM.VALIDATION', detail: 'body.priceMinor must be >= 0', errors: [{ path: 'body.priceMinor', message: 'must be >= 0' }] }),
    });

    const error = await apiRequest('/api/products', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, title: 'The request is not valid', code: 'PLATFORM.VALIDATION', detail: 'body.priceMinor must be >= 0' });
    expect((error as ApiError).fieldMessage('priceMinor')).toBe('must be >= 0');
  });

  it('names a failure by its status when the body is not a problem (an HTML page from a proxy)', async () => {
    fakeApi({ 'GET /api/products': () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }) });

    await expect(apiRequest('/api/products')).rejects.toMatchObject({ status: 502, title: 'The service is unavailable right now' });
  });

  it('reports an unreachable server as such, not as a stack trace', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));

    await expect(apiRequest('/api/products')).rejects.toMatchObject({ status: 0, title: 'The server could not be reached' });
  });

  it('renews the session once on a 401 and retries with the new token', async () => {
    storeAccessToken(fakeAccessToken({ sub: 'usr_old' }), 900);
    const renewed = fakeAccessToken({ sub: 'usr_old', email: 'renewed@example.com' });
    const api = fakeApi({
      'GET /api/orders': (request) => (request.headers['authorization'] === `Bearer ${renewed}` ? json({ items: [], nextCursor: null }) : problem(401, 'Unauthorized')),
      'POST /api/auth/refresh': () => tokenPair(renewed),
    });

    await expect(apiRequest('/api/orders')).resolves.toEqual({ items: [], nextCursor: null });
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(api.calls('GET', '/api/orders')).toHaveLength(2);
    expect(currentSession()?.claims.email).toBe('renewed@example.com');
  });

  it('ends the session when the refresh is refused, and tells the app to send the user to login', async () => {
    storeAccessToken(fakeAccessToken(), 900);
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    const api = fakeApi({
      'GET /api/orders': () => problem(401, 'Unauthorized'),
      'POST /api/auth/refresh': () => problem(401, 'The refresh token is invalid, expired or revoked'),
    });

    await expect(apiRequest('/api/orders')).rejects.toMatchObject({ status: 401 });
    expect(expired).toHaveBeenCalledOnce();
    expect(currentSession()).toBeNull();
    expect(api.calls('GET', '/api/orders')).toHaveLength(1);
  });

  it('does not try to renew a session it never had (an anonymous 401 is an answer, not an expiry)', async () => {
    const expired = vi.fn();
    setSessionExpiredHandler(expired);
    const api = fakeApi({ 'GET /api/cart': () => problem(401, 'A bearer token or an X-Cart-Id header is required') });

    await expect(apiRequest('/api/cart')).rejects.toMatchObject({ status: 401 });
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(0);
    expect(expired).not.toHaveBeenCalled();
  });

  it('hands a read started early to the first call for the same path, and sends later calls afresh', async () => {
    let served = 0;
    const api = fakeApi({ 'GET /api/categories': () => json({ served: (served += 1) }) });

    startEarly(['/api/categories']);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.headers['authorization']).toBeUndefined();

    await expect(apiRequest('/api/categories')).resolves.toEqual({ served: 1 });
    await expect(apiRequest('/api/categories')).resolves.toEqual({ served: 2 });
    expect(api.requests).toHaveLength(2);
  });

  it('never hands an early read to a write, and lets the write go to the server', async () => {
    const api = fakeApi({ 'GET /api/products/p1': () => json({ read: true }), 'DELETE /api/products/p1': () => new Response(null, { status: 204 }) });

    startEarly(['/api/products/p1']);
    await expect(apiRequest('/api/products/p1', { method: 'DELETE' })).resolves.toBeUndefined();
    await expect(apiRequest('/api/products/p1')).resolves.toEqual({ read: true });
    expect(api.requests.map((r) => r.method)).toEqual(['GET', 'DELETE']);
  });

  it('drops an early answer nobody asked for in time: the page reads it afresh', async () => {
    let served = 0;
    const api = fakeApi({ 'GET /api/categories': () => json({ served: (served += 1) }) });
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000);

    startEarly(['/api/categories']);
    now.mockReturnValue(60_000);

    await expect(apiRequest('/api/categories')).resolves.toEqual({ served: 2 });
    expect(api.requests).toHaveLength(2);
  });

  it('gives an early read that failed to the call that takes it, as an ApiError', async () => {
    fakeApi({ 'GET /api/categories': () => problem(503, 'Service unavailable') });

    startEarly(['/api/categories']);

    await expect(apiRequest('/api/categories')).rejects.toMatchObject({ status: 503 });
  });
});
