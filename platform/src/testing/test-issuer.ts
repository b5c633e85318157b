import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier, TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenVerifier } from '../auth/index.ts';

/** Signs access tokens the way identity does, with a key pair made for the test run. */
export interface TestIssuer {
  /** Accepts the tokens of this issuer only. */
  readonly verifier: TokenVerifier;
  token(claims: { roles: readonly string[]; userId?: string; email?: string }): Promise<string>;
  /** A token with the right claims signed by a key nobody publishes: a forgery. */
  forgedToken(claims: { roles: readonly string[] }): Promise<string>;
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

export async function createTestIssuer(): Promise<TestIssuer> {
  const signing = await generateKeyPair('Ed25519');
  const stranger = await generateKeyPair('Ed25519');
  const publicJwk = { ...(await exportJWK(signing.publicKey)), kid: 'test-key', alg: 'EdDSA', use: 'sig' };
  const sign = (claims: { roles: readonly string[]; userId?: string; email?: string }, key: KeyPair['privateKey']) =>
    new SignJWT({ email: claims.email ?? 'someone@example.com', roles: [...claims.roles] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
      .setSubject(claims.userId ?? 'usr_01jd3x0000000000000000000')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
  return {
    verifier: createTokenVerifier({ keys: createLocalJWKSet({ keys: [publicJwk] }) }),
    token: (claims) => sign(claims, signing.privateKey),
    forgedToken: (claims) => sign(claims, stranger.privateKey),
  };
}
