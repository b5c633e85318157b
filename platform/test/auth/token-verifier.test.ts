import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenVerifier } from '@bazaar/platform/auth';
import { AppError, PlatformErrors } from '@bazaar/platform/errors';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

let signing: KeyPair;
let stranger: KeyPair;
let publicJwk: JWK;
let verifier: TokenVerifier;

const claims = { email: 'ada@example.com', roles: ['customer'] };

function token(overrides: { issuer?: string; audience?: string; expiresAt?: number | string; subject?: string; key?: KeyPair } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: publicJwk.kid! })
    .setSubject(overrides.subject ?? 'usr_01jd3x0000000000000000000')
    .setIssuer(overrides.issuer ?? TOKEN_ISSUER)
    .setAudience(overrides.audience ?? TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(overrides.expiresAt ?? '5m')
    .sign((overrides.key ?? signing).privateKey);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  signing = await generateKeyPair('Ed25519');
  stranger = await generateKeyPair('Ed25519');
  publicJwk = { ...(await exportJWK(signing.publicKey)), kid: 'key-1', alg: 'EdDSA', use: 'sig' };
  verifier = createTokenVerifier({ keys: createLocalJWKSet({ keys: [publicJwk] }) });
});

describe('the token verifier', () => {
  it('turns a valid token into the principal it names', async () => {
    await expect(verifier.verify(await token())).resolves.toEqual({
      userId: 'usr_01jd3x0000000000000000000',
      email: 'ada@example.com',
      roles: ['customer'],
    });
  });

  it.each([
    ['an expired token', () => token({ expiresAt: Math.floor(Date.now() / 1000) - 60 })],
    ['a token from another issuer', () => token({ issuer: 'someone-else' })],
    ['a token for another audience', () => token({ audience: 'another-system' })],
    ['a token signed by a key not in the key set', () => token({ key: stranger })],
    [
      'an HS256 token keyed with the public key',
      () =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
          .setSubject('usr_1')
          .setIssuer(TOKEN_ISSUER)
          .setAudience(TOKEN_AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(publicJwk.x!)),
    ],
    [
      'a token whose payload was changed after signing',
      async () => {
        const [header, payload, signature] = (await token()).split('.');
        const forged = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['admin'] };
        return `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
      },
    ],
    ['an unsigned token', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${(await token()).split('.')[1]}.`],
    ['garbage', async () => 'not-a-token'],
    ['an empty string', async () => ''],
  ])('rejects %s with PLATFORM.INVALID_TOKEN', async (_name, make) => {
    const error = await rejection(verifier.verify(await make()));
    expect(error.code).toBe(PlatformErrors.INVALID_TOKEN.code);
    expect(error.status).toBe(401);
    expect(error.headers).toEqual({ 'www-authenticate': 'Bearer error="invalid_token"' });
  });

  it('rejects a token without the email claim', async () => {
    const bare = await new SignJWT({ roles: [] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'key-1' })
      .setSubject('usr_1')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(signing.privateKey);
    expect((await rejection(verifier.verify(bare))).code).toBe(PlatformErrors.INVALID_TOKEN.code);
  });

  it('keeps only the string roles of a token', async () => {
    const mixed = await new SignJWT({ email: 'x@example.com', roles: ['admin', 7, null] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'key-1' })
      .setSubject('usr_2')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(signing.privateKey);
    expect((await verifier.verify(mixed)).roles).toEqual(['admin']);
  });
});

describe('remembering verified tokens', () => {
  /** A verifier over the test key that counts how often it had to look a key up, i.e. check a signature. */
  function countingVerifier() {
    const local = createLocalJWKSet({ keys: [publicJwk] });
    const counter = { checks: 0 };
    const verifier = createTokenVerifier({
      keys: (header, input) => {
        counter.checks += 1;
        return local(header, input);
      },
    });
    return { verifier, counter };
  }

  it('checks the signature of a token once, and takes it on trust for its next requests', async () => {
    const { verifier, counter } = countingVerifier();
    const issued = await token();
    const first = await verifier.verify(issued);
    expect(await verifier.verify(issued)).toEqual(first);
    expect(await verifier.verify(issued)).toEqual(first);
    expect(counter.checks).toBe(1);
  });

  it('still refuses a tampered copy of a token it remembers', async () => {
    const { verifier } = countingVerifier();
    const issued = await token();
    await verifier.verify(issued);
    const [header, payload, signature] = issued.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['admin'] })).toString('base64url');
    expect((await rejection(verifier.verify(`${header}.${forged}.${signature}`))).code).toBe(PlatformErrors.INVALID_TOKEN.code);
  });

  it('forgets a token when it expires', async () => {
    const { verifier } = countingVerifier();
    // Two seconds ahead: `exp` counts whole seconds, so one ahead can be only a millisecond away.
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const shortLived = await token({ expiresAt });
    await verifier.verify(shortLived);
    await new Promise((resolve) => setTimeout(resolve, expiresAt * 1000 - Date.now() + 50));
    expect((await rejection(verifier.verify(shortLived))).code).toBe(PlatformErrors.INVALID_TOKEN.code);
  });
});
