import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@bazaar/platform/auth';
import { createService, staticDiscovery, type Service } from '@bazaar/platform/http';
import { testLogger } from '@bazaar/platform/testing';
import { Type } from '@sinclair/typebox';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startGateway } from '../src/main.ts';

/** What a stub service saw of a forwarded request. */
export interface Seen {
  service: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * Real HTTP services standing in for identity and catalog: built with the platform's createService (so
 * they validate bodies and answer problem+json like the real ones), they echo what they received and
 * record it. The gateway test is about routing, so the services' logic is not needed.
 */
export interface Upstreams {
  readonly identity: { service: Service; url: string };
  readonly catalog: { service: Service; url: string };
  readonly seen: Seen[];
  /** Requests whose caller (the gateway) hung up before the answer. */
  readonly abandoned: string[];
  /** Signs an access token with identity's current key. */
  token(claims?: { sub?: string; roles?: string[]; expiresInSeconds?: number }): Promise<string>;
  close(): Promise<void>;
}

const Echo = Type.Object({}, { additionalProperties: true });

function echo(name: string, seen: Seen[]) {
  return async (request: { method: string; url: string; headers: Seen['headers']; body?: unknown }) => {
    const entry = { service: name, method: request.method, url: request.url, headers: request.headers, body: request.body };
    seen.push(entry);
    return entry;
  };
}

export async function startUpstreams(): Promise<Upstreams> {
  const seen: Seen[] = [];
  const abandoned: string[] = [];
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const kid = 'key-1';
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };

  const identity = await createService({ name: 'identity', logger: testLogger('identity') });
  identity.app.get('/.well-known/jwks.json', async () => ({ keys: [jwk] }));
  identity.app.get('/api/me', { schema: { summary: 'The caller’s profile', security: [{ bearer: [] }] } }, echo('identity', seen));
  identity.app.post('/api/auth/login', { schema: { summary: 'Sign in', body: Type.Object({ email: Type.String(), password: Type.String() }, { additionalProperties: false }) } }, echo('identity', seen));

  const catalog = await createService({ name: 'catalog', logger: testLogger('catalog') });
  catalog.app.get('/api/products', { schema: { summary: 'Search products' } }, echo('catalog', seen));
  catalog.app.get('/api/products/:id', { schema: { summary: 'One product', params: Type.Object({ id: Type.String() }) } }, echo('catalog', seen));
  catalog.app.post('/api/products', { schema: { summary: 'Create a product', body: Echo } }, echo('catalog', seen));
  catalog.app.patch('/api/products/:id', { schema: { params: Type.Object({ id: Type.String() }), body: Echo } }, echo('catalog', seen));
  catalog.app.get('/api/categories', { schema: { summary: 'Every category' } }, echo('catalog', seen));
  catalog.app.get('/internal/reindex', { schema: { summary: 'Not public' } }, echo('catalog', seen));
  catalog.app.get('/api/products/:id/slow', { schema: { params: Type.Object({ id: Type.String() }) } }, async (request, reply) => {
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) abandoned.push(request.url);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return echo('catalog', seen)(request);
  });
  catalog.app.get('/api/products/:id/explode', { schema: { params: Type.Object({ id: Type.String() }) } }, async () => {
    throw new Error('boom');
  });

  const identityUrl = await identity.listen(0);
  const catalogUrl = await catalog.listen(0);
  return {
    identity: { service: identity, url: identityUrl },
    catalog: { service: catalog, url: catalogUrl },
    seen,
    abandoned,
    async token(claims = {}) {
      const now = Math.floor(Date.now() / 1000);
      const expiresIn = claims.expiresInSeconds ?? 300;
      return new SignJWT({ email: 'ada@example.com', roles: claims.roles ?? ['customer'] })
        .setProtectedHeader({ alg: 'EdDSA', kid })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setSubject(claims.sub ?? 'usr_ada')
        .setIssuedAt(expiresIn > 0 ? now : now + expiresIn - 60)
        .setExpirationTime(now + expiresIn)
        .sign(privateKey as CryptoKey);
    },
    async close() {
      await Promise.all([identity.close(), catalog.close()]);
    },
  };
}

/** A gateway in front of the stubs; `env` sets its configuration. */
export async function startTestGateway(upstreams: Upstreams, env: Record<string, string> = {}, extra: Record<string, string[]> = {}) {
  const discovery = staticDiscovery({ identity: [upstreams.identity.url], catalog: [upstreams.catalog.url], ...extra });
  const gateway = await startGateway({ databaseServerUrl: 'postgres://unused', logger: testLogger('gateway'), discovery, env });
  await gateway.app.ready();
  return { gateway, discovery };
}
