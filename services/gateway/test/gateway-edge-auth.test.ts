import { randomBytes } from 'node:crypto';
import { staticDiscovery, type Service } from '@bazaar/platform/http';
import { testLogger, testRedisUrl } from '@bazaar/platform/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../src/main.ts';
import { startTestGateway, startUpstreams, type Upstreams } from './upstream-stubs.ts';

let upstreams: Upstreams;
let gateway: Service;

beforeAll(async () => {
  upstreams = await startUpstreams();
  ({ gateway } = await startTestGateway(upstreams));
});

afterAll(async () => {
  await gateway.close();
  await upstreams.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  claims['roles'] = ['admin'];
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('the gateway at the edge', () => {
  it('refuses a customer route without a token with 401 problem+json', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/me' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toMatchObject({ code: 'PLATFORM.UNAUTHENTICATED' });
  });

  it('refuses a tampered token with 401', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/me', headers: bearer(tamper(await upstreams.token())) });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.INVALID_TOKEN' });
  });

  it('refuses an expired token with 401', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/me', headers: bearer(await upstreams.token({ expiresInSeconds: -60 })) });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.INVALID_TOKEN' });
  });

  it('lets a valid customer token through, passing the token on to the service', async () => {
    const token = await upstreams.token();
    const response = await gateway.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ service: 'identity', headers: { authorization: `Bearer ${token}` } });
  });

  it('refuses a customer token on an admin route with 403', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: { ...bearer(await upstreams.token()), 'content-type': 'application/json' },
      payload: { name: 'Lamp' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.FORBIDDEN' });
  });

  it('lets an admin token through on an admin route', async () => {
    const response = await gateway.app.inject({
      method: 'PATCH',
      url: '/api/products/prd_1',
      headers: { ...bearer(await upstreams.token({ roles: ['admin'] })), 'content-type': 'application/json' },
      payload: { name: 'Lamp' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ service: 'catalog', method: 'PATCH', body: { name: 'Lamp' } });
  });

  it('requires the admin role on every /api/admin route and on stock changes', async () => {
    const customer = bearer(await upstreams.token());
    expect((await gateway.app.inject({ method: 'POST', url: '/api/admin/keys/rotate', headers: customer })).statusCode).toBe(403);
    expect((await gateway.app.inject({ method: 'GET', url: '/api/admin/keys' })).statusCode).toBe(401);
    expect((await gateway.app.inject({ method: 'PUT', url: '/api/inventory/sku_1', headers: customer })).statusCode).toBe(403);
  });

  it('keeps reads of the catalog public', async () => {
    expect((await gateway.app.inject({ method: 'GET', url: '/api/products/prd_1' })).statusCode).toBe(200);
    expect((await gateway.app.inject({ method: 'HEAD', url: '/api/categories' })).statusCode).toBe(200);
  });

  it('forwards an invalid token on a public route untouched, for the service to judge', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/products', headers: { authorization: 'Bearer not-a-token' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().headers.authorization).toBe('Bearer not-a-token');
  });

  it('answers 503, not 401, when identity cannot be reached to check a token', async () => {
    const { gateway: lonely } = await startTestGateway(upstreams, {}, { identity: ['http://127.0.0.1:1'] });
    const response = await lonely.app.inject({ method: 'GET', url: '/api/cart', headers: bearer(await upstreams.token()) });
    await lonely.close();
    expect(response.statusCode).toBe(503);
  });

  it('answers 503 problem+json for a protected route of a service that is not deployed', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/cart', headers: bearer(await upstreams.token()) });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'PLATFORM.UNAVAILABLE' });
  });
});

describe('the gateway rate limits', () => {
  it('per client address: 429 with Retry-After and RateLimit headers once the bucket is empty', async () => {
    const { gateway: tight } = await startTestGateway(upstreams, { GATEWAY_RATE_LIMIT_IP_CAPACITY: '2', GATEWAY_RATE_LIMIT_IP_REFILL_PER_SECOND: '0.5' });
    try {
      const first = await tight.app.inject({ method: 'GET', url: '/api/products' });
      expect(first.statusCode).toBe(200);
      expect(first.headers).toMatchObject({ 'ratelimit-limit': '2', 'ratelimit-remaining': '1' });
      expect((await tight.app.inject({ method: 'GET', url: '/api/products' })).statusCode).toBe(200);

      const limited = await tight.app.inject({ method: 'GET', url: '/api/products' });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
      expect(limited.json()).toMatchObject({ code: 'PLATFORM.RATE_LIMITED' });
      expect(limited.headers['retry-after']).toBe('2');
      expect(limited.headers).toMatchObject({ 'ratelimit-limit': '2', 'ratelimit-remaining': '0' });

      const elsewhere = await tight.app.inject({ method: 'GET', url: '/api/products', remoteAddress: '10.1.2.3' });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await tight.close();
    }
  });

  it('per user: a signed-in user gets their own, smaller bucket', async () => {
    const { gateway: tight } = await startTestGateway(upstreams, { GATEWAY_RATE_LIMIT_USER_CAPACITY: '2', GATEWAY_RATE_LIMIT_USER_REFILL_PER_SECOND: '1' });
    try {
      const ada = bearer(await upstreams.token({ sub: 'usr_ada' }));
      const bob = bearer(await upstreams.token({ sub: 'usr_bob' }));
      expect((await tight.app.inject({ method: 'GET', url: '/api/me', headers: ada })).statusCode).toBe(200);
      expect((await tight.app.inject({ method: 'GET', url: '/api/me', headers: ada })).statusCode).toBe(200);
      const limited = await tight.app.inject({ method: 'GET', url: '/api/me', headers: ada });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('1');
      expect((await tight.app.inject({ method: 'GET', url: '/api/me', headers: bob })).statusCode).toBe(200);
    } finally {
      await tight.close();
    }
  });

  it('refuses a body over the limit with 413 problem+json', async () => {
    const { gateway: small } = await startTestGateway(upstreams, { GATEWAY_BODY_LIMIT_BYTES: '64' });
    try {
      const response = await small.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: { email: 'ada@example.com', password: 'x'.repeat(100) },
      });
      expect(response.statusCode).toBe(413);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'PLATFORM.PAYLOAD_TOO_LARGE' });
    } finally {
      await small.close();
    }
  });
});

describe('the gateway with CORS origins configured', () => {
  it('answers a preflight from an allowed origin and grants nothing to another', async () => {
    const { gateway: open } = await startTestGateway(upstreams, { GATEWAY_CORS_ORIGINS: 'http://shop.example, http://admin.example' });
    try {
      const preflight = await open.app.inject({
        method: 'OPTIONS',
        url: '/api/cart/items',
        headers: { origin: 'http://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('http://shop.example');
      const stranger = await open.app.inject({ method: 'GET', url: '/api/products', headers: { origin: 'http://evil.example' } });
      expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});

describe('the gateway in the cluster placement', () => {
  it('shares rate-limit buckets between its replicas through Redis', async () => {
    const prefix = `bazaar-test:gateway:${randomBytes(4).toString('hex')}:`;
    const env = { GATEWAY_RATE_LIMIT_IP_CAPACITY: '2', GATEWAY_RATE_LIMIT_IP_REFILL_PER_SECOND: '0.1', GATEWAY_RATE_LIMIT_PREFIX: prefix };
    const discovery = staticDiscovery({ identity: [upstreams.identity.url], catalog: [upstreams.catalog.url] });
    const start = () => startGateway({ databaseServerUrl: 'postgres://unused', redisUrl: testRedisUrl(), logger: testLogger('gateway'), discovery, env });
    const [first, second] = await Promise.all([start(), start()]);
    const redis = new Redis(testRedisUrl());
    try {
      expect((await first.app.inject({ method: 'GET', url: '/api/products' })).statusCode).toBe(200);
      expect((await second.app.inject({ method: 'GET', url: '/api/products' })).statusCode).toBe(200);
      expect((await first.app.inject({ method: 'GET', url: '/api/products' })).statusCode).toBe(429);
      expect((await second.app.inject({ method: 'GET', url: '/api/products' })).statusCode).toBe(429);
      expect((await first.app.inject({ method: 'GET', url: '/readyz' })).json().checks).toContainEqual({ name: 'rate-limits', ok: true });
    } finally {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await Promise.all([first.close(), second.close()]);
    }
  });
});
