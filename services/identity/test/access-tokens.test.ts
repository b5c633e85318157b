import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@bazaar/platform/auth';
import { generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, identityClient, json, startIdentityFixture, type IdentityFixture } from './support/identity.fixture.ts';

let fixture: IdentityFixture;
let accessToken: string;
let userId: string;
let email: string;
beforeAll(async () => {
  fixture = await startIdentityFixture();
  const signedUp = await identityClient(fixture.service).signUp();
  accessToken = signedUp.tokens.accessToken;
  userId = signedUp.user.id;
  email = signedUp.account.email;
});
afterAll(() => fixture.close());

/** The key identity signs with right now, read from its database as an insider would. */
async function activeSigningKey(): Promise<{ kid: string; key: CryptoKey }> {
  const { rows } = await fixture.sql.query<{ kid: string; private_jwk: JWK }>(
    'SELECT kid, private_jwk FROM signing_keys WHERE superseded_at IS NULL',
  );
  return { kid: rows[0]!.kid, key: (await importJWK(rows[0]!.private_jwk, 'EdDSA')) as CryptoKey };
}

function claims(overrides: Record<string, unknown> = {}) {
  return { email, roles: ['customer'], ...overrides };
}

async function sign(key: CryptoKey, kid: string, build: (jwt: SignJWT) => SignJWT = (jwt) => jwt) {
  const jwt = new SignJWT(claims())
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime('15m');
  return build(jwt).sign(key);
}

async function expectRejected(headers: Record<string, string>, code: string) {
  const response = await identityClient(fixture.service).me(headers);
  expect(response.statusCode).toBe(401);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = json(response);
  expect(body).toMatchObject({ status: 401, code });
  expect(response.body).not.toMatch(/stack|at .*\.ts/);
}

describe('an access token', () => {
  it('is an EdDSA JWT naming its key, issuer, audience, subject, e-mail and roles, valid for 15 minutes', async () => {
    const [header, payload] = accessToken.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);
    const published = json<{ keys: { kid: string }[] }>(await identityClient(fixture.service).jwks()).keys.map((key) => key.kid);
    expect(header).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) });
    expect(published).toContain(header!['kid']);
    expect(payload).toMatchObject({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: userId, email, roles: ['customer'] });
    expect((payload!['exp'] as number) - (payload!['iat'] as number)).toBe(900);
  });

  it('opens /api/me when it is valid', async () => {
    expect((await identityClient(fixture.service).me(bearer(accessToken))).statusCode).toBe(200);
  });
});

describe('/api/me refuses with 401 problem+json', () => {
  it('a request without a token', async () => {
    await expectRejected({}, 'PLATFORM.UNAUTHENTICATED');
  });

  it('a token that is not a JWT at all', async () => {
    await expectRejected(bearer('garbage'), 'PLATFORM.INVALID_TOKEN');
    await expectRejected({ authorization: 'Basic dXNlcjpwYXNz' }, 'PLATFORM.UNAUTHENTICATED');
  });

  it('an expired token, even when identity signed it', async () => {
    const { kid, key } = await activeSigningKey();
    const expired = await sign(key, kid, (jwt) => jwt.setIssuedAt(Math.floor(Date.now() / 1000) - 1000).setExpirationTime(Math.floor(Date.now() / 1000) - 100));
    await expectRejected(bearer(expired), 'PLATFORM.INVALID_TOKEN');
  });

  it('a token whose claims were changed after signing', async () => {
    const [header, , signature] = accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims({ roles: ['customer', 'admin'] }), sub: userId, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, exp: 4_000_000_000 })).toString('base64url');
    await expectRejected(bearer(`${header}.${forged}.${signature}`), 'PLATFORM.INVALID_TOKEN');
  });

  it('a token whose signature was altered', async () => {
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const altered = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    await expectRejected(bearer(`${header}.${payload}.${altered}`), 'PLATFORM.INVALID_TOKEN');
  });

  it('a token signed by a key identity does not hold, even under a published kid', async () => {
    const { kid } = await activeSigningKey();
    const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    await expectRejected(bearer(await sign(stranger.privateKey, kid)), 'PLATFORM.INVALID_TOKEN');
    await expectRejected(bearer(await sign(stranger.privateKey, 'unknown-kid')), 'PLATFORM.INVALID_TOKEN');
  });

  it('an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ ...claims(), sub: userId, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, exp: 4_000_000_000 })).toString('base64url');
    await expectRejected(bearer(`${header}.${payload}.`), 'PLATFORM.INVALID_TOKEN');
  });

  it('a token for another audience or issuer', async () => {
    const { kid, key } = await activeSigningKey();
    await expectRejected(bearer(await sign(key, kid, (jwt) => jwt.setAudience('someone-else'))), 'PLATFORM.INVALID_TOKEN');
    await expectRejected(bearer(await sign(key, kid, (jwt) => jwt.setIssuer('evil-identity'))), 'PLATFORM.INVALID_TOKEN');
  });
});

describe('/api/me for an account that no longer exists', () => {
  it('answers 404 problem+json', async () => {
    const { tokens, user } = await identityClient(fixture.service).signUp();
    await fixture.sql.query('DELETE FROM users WHERE id = $1', [user.id]);

    const response = await identityClient(fixture.service).me(bearer(tokens.accessToken));
    expect(response.statusCode).toBe(404);
    expect(json(response)).toMatchObject({ code: 'IDENTITY.USER_NOT_FOUND' });
  });
});
