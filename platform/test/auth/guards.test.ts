import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, createTokenVerifier, principalOf, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@bazaar/platform/auth';
import { PROBLEM_CONTENT_TYPE } from '@bazaar/platform/errors';
import { createService, type Service } from '@bazaar/platform/http';
import { testLogger } from '@bazaar/platform/testing';

let service: Service;
let signToken: (roles: string[]) => Promise<string>;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('Ed25519');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'EdDSA' };
  const verifier = createTokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }) });
  signToken = (roles) =>
    new SignJWT({ email: 'grace@example.com', roles })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'key-1' })
      .setSubject('usr_grace')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  service = await createService({ name: 'guarded', logger: testLogger('guarded') });
  service.app.get('/me', { preHandler: authenticate(verifier) }, async (request) => principalOf(request));
  service.app.get('/admin/system', { preHandler: authenticate(verifier, ['admin']) }, async (request) => ({
    by: principalOf(request).userId,
  }));
  await service.app.ready();
});

afterAll(() => service.close());

const get = (url: string, authorization?: string) =>
  service.app.inject({ method: 'GET', url, headers: authorization === undefined ? {} : { authorization } });

describe('the authenticate guard', () => {
  it('answers a request without a token with 401 and a Bearer challenge', async () => {
    const response = await get('/me');
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.UNAUTHENTICATED' });
  });

  it('treats an authorization header of another scheme as no token', async () => {
    const response = await get('/me', 'Basic dXNlcjpwYXNz');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.UNAUTHENTICATED' });
  });

  it('answers an invalid token with 401 PLATFORM.INVALID_TOKEN and a challenge naming the error', async () => {
    const response = await get('/me', 'Bearer abc.def.ghi');
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer.*error="invalid_token"/);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.INVALID_TOKEN' });
  });

  it('lets a valid token through and hands the principal to the handler', async () => {
    const response = await get('/me', `Bearer ${await signToken(['customer'])}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ userId: 'usr_grace', email: 'grace@example.com', roles: ['customer'] });
  });

  it('answers a caller without the required role with 403', async () => {
    const response = await get('/admin/system', `Bearer ${await signToken(['customer'])}`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.FORBIDDEN' });
  });

  it('lets a caller with the required role through', async () => {
    const response = await get('/admin/system', `Bearer ${await signToken(['customer', 'admin'])}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ by: 'usr_grace' });
  });
});
