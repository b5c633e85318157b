import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, identityClient, json, startIdentityFixture, type IdentityFixture } from './support/identity.fixture.ts';

let fixture: IdentityFixture;
beforeAll(async () => {
  fixture = await startIdentityFixture();
});
afterAll(() => fixture.close());

type Pair = { accessToken: string; refreshToken: string; expiresIn: number; tokenType: string };

describe('refreshing a session', () => {
  it('trades a refresh token for a new pair whose access token works', async () => {
    const client = identityClient(fixture.service);
    const { tokens, user } = await client.signUp();

    const refreshed = await client.refresh(tokens.refreshToken);

    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.headers['cache-control']).toBe('no-store');
    const pair = json<Pair>(refreshed);
    expect(pair).toMatchObject({ expiresIn: 900, tokenType: 'Bearer' });
    expect(pair.refreshToken).not.toBe(tokens.refreshToken);
    expect(Buffer.from(pair.refreshToken, 'base64url')).toHaveLength(32);
    expect(json(await client.me(bearer(pair.accessToken)))).toMatchObject({ id: user.id });

    const again = await client.refresh(pair.refreshToken);
    expect(again.statusCode).toBe(200);
  });

  it('stores only a SHA-256 of each refresh token, all of one login in one family', async () => {
    const client = identityClient(fixture.service);
    const { tokens, user } = await client.signUp();
    const second = json<Pair>(await client.refresh(tokens.refreshToken));

    const { rows } = await fixture.sql.query<{ token_hash: string; family_id: string; used_at: Date | null; expires_at: Date }>(
      'SELECT token_hash, family_id, used_at, expires_at FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at',
      [user.id],
    );
    const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');
    expect(rows.map((row) => row.token_hash)).toEqual([sha256(tokens.refreshToken), sha256(second.refreshToken)]);
    expect(new Set(rows.map((row) => row.family_id)).size).toBe(1);
    expect(rows[0]!.used_at).not.toBeNull();
    expect(rows[1]!.used_at).toBeNull();
    const thirtyDays = 30 * 86_400_000;
    expect(Math.abs(rows[1]!.expires_at.getTime() - Date.now() - thirtyDays)).toBeLessThan(60_000);
  });

  it('revokes the whole family when a spent refresh token is presented again: the newer token stops working too', async () => {
    const client = identityClient(fixture.service);
    const { tokens } = await client.signUp();
    const newer = json<Pair>(await client.refresh(tokens.refreshToken));

    const replay = await client.refresh(tokens.refreshToken);

    expect(replay.statusCode).toBe(401);
    expect(replay.headers['content-type']).toContain('application/problem+json');
    expect(json(replay)).toMatchObject({ code: 'IDENTITY.INVALID_REFRESH_TOKEN' });
    expect((await client.refresh(newer.refreshToken)).statusCode).toBe(401);
  });

  it('leaves the other sessions of the same user alone when one family is revoked', async () => {
    const client = identityClient(fixture.service);
    const { account, tokens } = await client.signUp();
    const otherDevice = json<Pair>(await client.login(account));
    await client.refresh(tokens.refreshToken);
    await client.refresh(tokens.refreshToken);

    expect((await client.refresh(otherDevice.refreshToken)).statusCode).toBe(200);
  });

  it('spends a token once when two refreshes race with it', async () => {
    const client = identityClient(fixture.service);
    const { tokens } = await client.signUp();

    const outcomes = await Promise.all([client.refresh(tokens.refreshToken), client.refresh(tokens.refreshToken)]);

    expect(outcomes.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    const winner = json<Pair>(outcomes.find((r) => r.statusCode === 200)!);
    expect((await client.refresh(winner.refreshToken)).statusCode).toBe(401);
  });

  it('refuses an expired refresh token', async () => {
    const client = identityClient(fixture.service);
    const { tokens, user } = await client.signUp();
    await fixture.sql.query("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1", [user.id]);

    const response = await client.refresh(tokens.refreshToken);
    expect(response.statusCode).toBe(401);
    expect(json(response)).toMatchObject({ code: 'IDENTITY.INVALID_REFRESH_TOKEN' });
  });

  it('refuses a refresh token it never issued', async () => {
    const response = await identityClient(fixture.service).refresh('bm90LWEtcmVhbC1yZWZyZXNoLXRva2VuLWF0LWFsbA');
    expect(response.statusCode).toBe(401);
    expect(json(response)).toMatchObject({ code: 'IDENTITY.INVALID_REFRESH_TOKEN' });
  });

  it('puts roles granted since the last login into the refreshed access token', async () => {
    const client = identityClient(fixture.service);
    const { account, tokens } = await client.signUp();
    await fixture.service.ensureAdmin({ email: account.email, password: account.password, name: account.name });

    const refreshed = json<Pair>(await client.refresh(tokens.refreshToken));
    expect(json(await client.me(bearer(refreshed.accessToken)))).toMatchObject({ roles: ['customer', 'admin'] });
    expect((await client.rotateKeys(refreshed.accessToken)).statusCode).toBe(200);
  });
});

describe('logging out', () => {
  it('answers 204 and revokes every refresh token of the session', async () => {
    const client = identityClient(fixture.service);
    const { tokens } = await client.signUp();
    const current = json<Pair>(await client.refresh(tokens.refreshToken));

    const logout = await client.logout(tokens.refreshToken);

    expect(logout.statusCode).toBe(204);
    expect(logout.body).toBe('');
    expect((await client.refresh(current.refreshToken)).statusCode).toBe(401);
  });

  it('answers 204 for a token it does not know, revealing nothing', async () => {
    expect((await identityClient(fixture.service).logout('never-issued-token')).statusCode).toBe(204);
  });
});

describe('the refresh cookie a browser keeps', () => {
  const cookieOf = (response: { headers: Record<string, unknown> }) => {
    const header = response.headers['set-cookie'];
    const cookies = (Array.isArray(header) ? header : [header]).filter((value): value is string => typeof value === 'string');
    return cookies.find((cookie) => cookie.startsWith('bazaar_refresh='));
  };
  const valueOf = (cookie: string | undefined) => cookie?.split(';')[0]!.slice('bazaar_refresh='.length);
  const post = (url: string, cookie?: string) =>
    fixture.service.app.inject({ method: 'POST', url, payload: {}, headers: cookie ? { cookie: `bazaar_refresh=${cookie}` } : {} });

  it('is set at login, out of the page script’s reach and sent to the auth routes only', async () => {
    const client = identityClient(fixture.service);
    const account = (await client.signUp()).account;
    const login = await client.login(account);
    const cookie = cookieOf(login)!;
    expect(valueOf(cookie)).toBe(json<Pair>(login).refreshToken);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/api\/auth/);
    expect(cookie).toMatch(/; Max-Age=2592000/);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('refreshes a session with an empty body, rotating the cookie; a spent cookie is refused and cleared', async () => {
    const { tokens, user } = await identityClient(fixture.service).signUp();
    const refreshed = await post('/api/auth/refresh', tokens.refreshToken);
    expect(refreshed.statusCode).toBe(200);
    const pair = json<Pair>(refreshed);
    expect(valueOf(cookieOf(refreshed))).toBe(pair.refreshToken);
    expect(json(await identityClient(fixture.service).me(bearer(pair.accessToken)))).toMatchObject({ id: user.id });

    const replay = await post('/api/auth/refresh', tokens.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(json(replay)).toMatchObject({ code: 'IDENTITY.INVALID_REFRESH_TOKEN' });
    expect(cookieOf(replay)).toMatch(/^bazaar_refresh=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('is required when the body carries no token', async () => {
    const response = await post('/api/auth/refresh');
    expect(response.statusCode).toBe(401);
    expect(json(response)).toMatchObject({ code: 'IDENTITY.INVALID_REFRESH_TOKEN' });
  });

  it('ends its session at logout and is cleared', async () => {
    const { tokens } = await identityClient(fixture.service).signUp();
    const logout = await post('/api/auth/logout', tokens.refreshToken);
    expect(logout.statusCode).toBe(204);
    expect(cookieOf(logout)).toMatch(/^bazaar_refresh=;/);
    expect((await post('/api/auth/refresh', tokens.refreshToken)).statusCode).toBe(401);
    expect((await post('/api/auth/logout')).statusCode).toBe(204);
  });
});
