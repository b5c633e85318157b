import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, identityClient, json, newAccount, startIdentityFixture, type IdentityFixture } from './support/identity.fixture.ts';

let fixture: IdentityFixture;
beforeAll(async () => {
  fixture = await startIdentityFixture();
});
afterAll(() => fixture.close());

describe('registering, signing in and reading your profile', () => {
  it('creates a customer, signs them in, and shows their profile to their access token', async () => {
    const client = identityClient(fixture.service);
    const account = newAccount({ email: '  Dana.Register@Example.COM ', name: '  Dana  ' });

    const registered = await client.register(account);
    expect(registered.statusCode).toBe(201);
    const user = json(registered);
    expect(user).toEqual({
      id: expect.stringMatching(/^usr_[0-9a-z]{26}$/),
      email: 'dana.register@example.com',
      name: 'Dana',
      roles: ['customer'],
      createdAt: expect.any(String),
    });
    expect(registered.body).not.toContain('password');

    const loggedIn = await client.login({ email: 'DANA.register@example.com', password: account.password });
    expect(loggedIn.statusCode).toBe(200);
    expect(loggedIn.headers['cache-control']).toBe('no-store');
    const tokens = json(loggedIn);
    expect(tokens).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900, tokenType: 'Bearer' });

    const me = await client.me(bearer(tokens['accessToken'] as string));
    expect(me.statusCode).toBe(200);
    expect(json(me)).toEqual(user);
  });

  it('stores the password only as an argon2id hash', async () => {
    const account = newAccount();
    await identityClient(fixture.service).register(account);
    const { rows } = await fixture.sql.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE email = $1', [account.email]);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(rows[0]!.password_hash).not.toContain(account.password);
  });
});

describe('registering an address that is taken', () => {
  it.each([
    ['the same spelling', (email: string) => email],
    ['another case', (email: string) => email.toUpperCase()],
    ['surrounding whitespace', (email: string) => `  ${email}\n`],
    ['full-width characters', (email: string) => email.replace('shopper', 'ｓｈｏｐｐｅｒ')],
  ])('is refused with 409 when written with %s, and creates nothing', async (_variant, respell) => {
    const client = identityClient(fixture.service);
    const original = newAccount();
    expect((await client.register(original)).statusCode).toBe(201);
    const before = await fixture.countUsers();

    const again = await client.register(newAccount({ email: respell(original.email) }));

    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(json(again)).toMatchObject({ status: 409, code: 'IDENTITY.EMAIL_TAKEN' });
    expect(await fixture.countUsers()).toBe(before);
  });
});

describe('registering with a weak password', () => {
  it.each([
    ['too short', 'short1!', 'must be at least 10 characters long'],
    ['too long', 'x'.repeat(100) + 'y'.repeat(29), 'must be at most 128 characters long'],
    ['a common password', 'Password123', 'is one of the most common passwords'],
    ['one character repeated', '!!!!!!!!!!!!', 'must not repeat a single character'],
    ['the e-mail local part inside', 'weakling-harbour-42', 'must not contain your e-mail address'],
  ])('is refused when the password is %s, with a field error naming the rule', async (_case, password, message) => {
    const before = await fixture.countUsers();
    const response = await identityClient(fixture.service).register(newAccount({ email: 'weakling@example.com', password }));

    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(json(response)).toMatchObject({
      status: 400,
      code: 'IDENTITY.WEAK_PASSWORD',
      errors: [{ path: 'body.password', message }],
    });
    expect(await fixture.countUsers()).toBe(before);
  });

  it('is refused for an address that is not an e-mail address, with a field error on the e-mail', async () => {
    const response = await identityClient(fixture.service).register(newAccount({ email: 'not an address' }));
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({ code: 'IDENTITY.INVALID_EMAIL', errors: [{ path: 'body.email' }] });
  });
});

describe('announcing a new account', () => {
  const announcements = async (userId: string) => {
    const { rows } = await fixture.sql.query<{ type: string; payload: { userId: string; email: string; name: string } }>(
      `SELECT type, payload FROM outbox WHERE payload->>'userId' = $1`,
      [userId],
    );
    return rows;
  };

  it('writes user.registered to the outbox together with the account', async () => {
    const account = newAccount({ name: 'Olu Outbox' });
    const user = json(await identityClient(fixture.service).register(account));
    expect(await announcements(user['id'] as string)).toEqual([
      { type: 'user.registered', payload: { userId: user['id'], email: account.email.trim().toLowerCase(), name: 'Olu Outbox' } },
    ]);
  });

  it('announces nothing when the address is already taken', async () => {
    const account = newAccount();
    await identityClient(fixture.service).register(account);
    const { rows: before } = await fixture.sql.query<{ count: string }>(`SELECT count(*) FROM outbox WHERE type = 'user.registered'`);
    expect((await identityClient(fixture.service).register(account)).statusCode).toBe(409);
    const { rows: after } = await fixture.sql.query<{ count: string }>(`SELECT count(*) FROM outbox WHERE type = 'user.registered'`);
    expect(after[0]!.count).toBe(before[0]!.count);
  });
});
