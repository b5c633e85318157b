import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { freshClientIp, identityClient, json, newAccount, startIdentityFixture, type IdentityFixture } from './support/identity.fixture.ts';

let fixture: IdentityFixture;
beforeAll(async () => {
  fixture = await startIdentityFixture({ IDENTITY_LOGIN_MAX_FAILURES_PER_IP: '8' });
});
afterAll(() => fixture.close());

/** What a response reveals to the caller, minus the request id that differs on every request. */
function visible(response: LightMyRequestResponse) {
  const { 'x-request-id': _id, date: _date, ...headers } = response.headers;
  return { status: response.statusCode, headers, body: response.body };
}

describe('a failed sign-in', () => {
  it('looks exactly the same for an unknown e-mail and for a wrong password', async () => {
    const client = identityClient(fixture.service);
    const { account } = await client.signUp();

    const wrongPassword = await client.login({ email: account.email, password: 'not-the-password-at-all' });
    const unknownUser = await client.login({ email: `nobody.${account.email}`, password: 'not-the-password-at-all' });

    expect(wrongPassword.statusCode).toBe(401);
    expect(json(wrongPassword)).toMatchObject({ code: 'IDENTITY.INVALID_CREDENTIALS' });
    expect(visible(unknownUser)).toEqual(visible(wrongPassword));
  });

  it('does not say which of the two fields was wrong', async () => {
    const client = identityClient(fixture.service);
    const response = await client.login({ email: 'nobody@example.com', password: 'whatever-password' });
    expect(json(response)['detail']).toBeUndefined();
    expect(json(response)['errors']).toBeUndefined();
  });
});

describe('throttling sign-in attempts', () => {
  it('answers 429 with Retry-After after five failures for an address, even to the right password', async () => {
    const { account } = await identityClient(fixture.service).signUp();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const client = identityClient(fixture.service);
      expect((await client.login({ email: account.email, password: `wrong-password-${attempt}` })).statusCode).toBe(401);
    }

    const rightPassword = await identityClient(fixture.service).login({ email: account.email, password: account.password });

    expect(rightPassword.statusCode).toBe(429);
    expect(rightPassword.headers['content-type']).toContain('application/problem+json');
    expect(json(rightPassword)).toMatchObject({ status: 429, code: 'IDENTITY.TOO_MANY_ATTEMPTS' });
    const retryAfter = Number(rightPassword.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
  });

  it('counts an address in any spelling as the same address', async () => {
    const { account } = await identityClient(fixture.service).signUp();
    const spellings = [account.email, account.email.toUpperCase(), ` ${account.email} `, account.email, account.email];
    for (const email of spellings) await identityClient(fixture.service).login({ email, password: 'wrong-password-x' });

    expect((await identityClient(fixture.service).login(account)).statusCode).toBe(429);
  });

  it('throttles an unknown address just like a registered one, so the 429 reveals nothing either', async () => {
    const email = `ghost.${Date.now()}@example.com`;
    for (let attempt = 0; attempt < 5; attempt++) await identityClient(fixture.service).login({ email, password: 'wrong-password-x' });

    const sixth = await identityClient(fixture.service).login({ email, password: 'wrong-password-x' });
    expect(sixth.statusCode).toBe(429);
    expect(json(sixth)).toMatchObject({ code: 'IDENTITY.TOO_MANY_ATTEMPTS' });
  });

  it('forgets earlier failures for an address once its owner signs in', async () => {
    const { account } = await identityClient(fixture.service).signUp();
    for (let attempt = 0; attempt < 4; attempt++) await identityClient(fixture.service).login({ ...account, password: 'wrong-password-x' });
    expect((await identityClient(fixture.service).login(account)).statusCode).toBe(200);

    for (let attempt = 0; attempt < 4; attempt++) await identityClient(fixture.service).login({ ...account, password: 'wrong-password-x' });
    expect((await identityClient(fixture.service).login(account)).statusCode).toBe(200);
  });

  it('blocks a client address that fails too often, whichever accounts it tries', async () => {
    const attacker = identityClient(fixture.service, freshClientIp());
    for (let attempt = 0; attempt < 8; attempt++) {
      expect((await attacker.login({ email: `victim${attempt}@example.com`, password: 'guess-password' })).statusCode).toBe(401);
    }
    const { account } = await identityClient(fixture.service).signUp();

    const blocked = await attacker.login(account);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await identityClient(fixture.service).login(account)).statusCode).toBe(200);
  });
});

describe('a successful sign-in', () => {
  it('re-hashes a password that was hashed with other argon2 parameters', async () => {
    const account = newAccount();
    const stronger = await fixture.startReplica({ IDENTITY_ARGON2_MEMORY_KIB: '512' });
    expect((await identityClient(stronger).register(account)).statusCode).toBe(201);
    const hashOf = async () =>
      (await fixture.sql.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE email = $1', [account.email])).rows[0]!
        .password_hash;
    expect(await hashOf()).toContain('m=512,');

    expect((await identityClient(fixture.service).login(account)).statusCode).toBe(200);
    expect(await hashOf()).toContain('m=256,');
    expect((await identityClient(fixture.service).login(account)).statusCode).toBe(200);
  });
});
