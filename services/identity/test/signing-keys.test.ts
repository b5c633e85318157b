import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, identityClient, json, newAccount, startIdentityFixture, type IdentityFixture } from './support/identity.fixture.ts';

let fixture: IdentityFixture;
let admin: { email: string; password: string; name: string };
beforeAll(async () => {
  fixture = await startIdentityFixture();
  admin = newAccount({ email: 'keeper@example.com', name: 'Key Keeper' });
  await fixture.service.ensureAdmin(admin);
});
afterAll(() => fixture.close());

type Jwks = { keys: { kid: string; kty: string; crv: string; x: string; alg: string; use: string }[] };
const kidOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;

async function adminToken(): Promise<string> {
  return json<{ accessToken: string }>(await identityClient(fixture.service).login(admin)).accessToken;
}

async function publishedKids(service = fixture.service): Promise<string[]> {
  return json<Jwks>(await identityClient(service).jwks()).keys.map((key) => key.kid);
}

describe('the JWKS', () => {
  it('publishes Ed25519 public keys only, and lets verifiers cache them briefly', async () => {
    const response = await identityClient(fixture.service).jwks();
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const { keys } = json<Jwks>(response);
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const key of keys) {
      expect(key).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String), alg: 'EdDSA', use: 'sig' });
    }
    expect(response.body).not.toContain('"d"');
  });
});

describe('rotating the signing key', () => {
  it('is refused with 403 to a customer and with 401 to an anonymous caller', async () => {
    const { tokens } = await identityClient(fixture.service).signUp();
    const forbidden = await identityClient(fixture.service).rotateKeys(tokens.accessToken);
    expect(forbidden.statusCode).toBe(403);
    expect(json(forbidden)).toMatchObject({ code: 'PLATFORM.FORBIDDEN' });

    const anonymous = await fixture.service.app.inject({ method: 'POST', url: '/api/admin/keys/rotate', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
  });

  it('starts signing with a new key while tokens signed by the old one keep verifying', async () => {
    const { tokens: before } = await identityClient(fixture.service).signUp();
    const oldKid = kidOf(before.accessToken);

    const rotated = await identityClient(fixture.service).rotateKeys(await adminToken());

    expect(rotated.statusCode).toBe(200);
    const { activeKid, publishedKids: listed } = json<{ activeKid: string; publishedKids: string[] }>(rotated);
    expect(activeKid).not.toBe(oldKid);
    expect(listed).toEqual(expect.arrayContaining([oldKid, activeKid]));
    expect(await publishedKids()).toEqual(expect.arrayContaining([oldKid, activeKid]));

    expect((await identityClient(fixture.service).me(bearer(before.accessToken))).statusCode).toBe(200);
    const { tokens: after } = await identityClient(fixture.service).signUp();
    expect(kidOf(after.accessToken)).toBe(activeKid);
    expect((await identityClient(fixture.service).me(bearer(after.accessToken))).statusCode).toBe(200);
  });

  it('accepts a request without a body', async () => {
    const response = await fixture.service.app.inject({ method: 'POST', url: '/api/admin/keys/rotate', headers: bearer(await adminToken()) });
    expect(response.statusCode).toBe(200);
  });

  it('retires keys that stopped signing longer ago than an access token lives', async () => {
    const { tokens } = await identityClient(fixture.service).signUp();
    const oldKid = kidOf(tokens.accessToken);
    const token = await adminToken();
    await identityClient(fixture.service).rotateKeys(token);
    await fixture.sql.query("UPDATE signing_keys SET superseded_at = now() - interval '2 hours' WHERE kid = $1", [oldKid]);

    await identityClient(fixture.service).rotateKeys(await adminToken());

    expect(await publishedKids()).not.toContain(oldKid);
    expect((await identityClient(fixture.service).me(bearer(tokens.accessToken))).statusCode).toBe(401);
  });
});

describe('signing keys across restarts and replicas', () => {
  it('survive a restart: the same keys are published and earlier tokens still verify', async () => {
    const { tokens } = await identityClient(fixture.service).signUp();
    const restarted = await fixture.startReplica();

    expect(await publishedKids(restarted)).toEqual(await publishedKids());
    expect((await identityClient(restarted).me(bearer(tokens.accessToken))).statusCode).toBe(200);
    const { tokens: fromRestarted } = await identityClient(restarted).signUp();
    expect(kidOf(fromRestarted.accessToken)).toBe(kidOf(tokens.accessToken));
  });

  it('are followed by a replica when another replica rotates them', async () => {
    const replica = await fixture.startReplica();
    const rotated = json<{ activeKid: string }>(await identityClient(fixture.service).rotateKeys(await adminToken()));
    const { tokens } = await identityClient(fixture.service).signUp();
    expect(kidOf(tokens.accessToken)).toBe(rotated.activeKid);

    expect((await identityClient(replica).me(bearer(tokens.accessToken))).statusCode).toBe(200);
    expect(await publishedKids(replica)).toContain(rotated.activeKid);
  });
});

describe('ensuring the admin account', () => {
  it('creates an account that signs in with the customer and admin roles', async () => {
    const login = await identityClient(fixture.service).login(admin);
    expect(login.statusCode).toBe(200);
    const me = json(await identityClient(fixture.service).me(bearer(json<{ accessToken: string }>(login).accessToken)));
    expect(me).toMatchObject({ email: admin.email, name: admin.name, roles: ['customer', 'admin'] });
  });

  it('can run again, and keeps the password the account has', async () => {
    await fixture.service.ensureAdmin({ ...admin, password: 'a-different-initial-password' });
    const { rows } = await fixture.sql.query<{ roles: string[] }>('SELECT roles FROM users WHERE email = $1', [admin.email]);
    expect(rows).toEqual([{ roles: ['customer', 'admin'] }]);
    expect((await identityClient(fixture.service).login(admin)).statusCode).toBe(200);
  });

  it('makes an existing customer an admin', async () => {
    const { account } = await identityClient(fixture.service).signUp();
    await fixture.service.ensureAdmin({ ...account, email: account.email.toUpperCase() });
    const token = json<{ accessToken: string }>(await identityClient(fixture.service).login(account)).accessToken;
    expect(json(await identityClient(fixture.service).me(bearer(token)))).toMatchObject({ roles: ['customer', 'admin'] });
  });

  it('accepts a password that names the role of a role address such as admin@', async () => {
    const operator = { email: 'admin@bazaar.local', password: 'bazaar-admin-local-only', name: 'Administrator' };
    await fixture.service.ensureAdmin(operator);
    expect((await identityClient(fixture.service).login(operator)).statusCode).toBe(200);
  });

  it('refuses to create an admin with a weak password', async () => {
    await expect(fixture.service.ensureAdmin({ email: 'root@example.com', password: 'password123', name: 'Root' })).rejects.toMatchObject({
      code: 'IDENTITY.WEAK_PASSWORD',
    });
    const { rows } = await fixture.sql.query('SELECT 1 FROM users WHERE email = $1', ['root@example.com']);
    expect(rows).toHaveLength(0);
  });
});
