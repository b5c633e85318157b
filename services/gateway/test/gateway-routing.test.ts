import { installTracing, type Tracing } from '@bazaar/platform/telemetry';
import type { Service } from '@bazaar/platform/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, startUpstreams, type Upstreams } from './upstream-stubs.ts';

let upstreams: Upstreams;
let gateway: Service;
let tracing: Tracing;

beforeAll(async () => {
  tracing = installTracing({ processName: 'gateway-test' });
  upstreams = await startUpstreams();
  ({ gateway } = await startTestGateway(upstreams));
});

afterAll(async () => {
  await gateway.close();
  await upstreams.close();
  await tracing.shutdown();
});

function lastSeen() {
  return upstreams.seen.at(-1)!;
}

describe('the gateway routes', () => {
  it('a product search to catalog, preserving method, path and query', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/products?q=lamp&limit=5' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ service: 'catalog', method: 'GET', url: '/api/products?q=lamp&limit=5' });
  });

  it('a sign-in to identity with its JSON body', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { email: 'ada@example.com', password: 'correct horse' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ service: 'identity', body: { email: 'ada@example.com', password: 'correct horse' } });
  });

  it('the key set to identity', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().keys[0]).toMatchObject({ kid: 'key-1', alg: 'EdDSA' });
  });

  it('tells the service who the client is, which request this is, and which trace it belongs to', async () => {
    const response = await gateway.app.inject({
      method: 'GET',
      url: '/api/categories',
      headers: { 'x-request-id': 'req-from-client', 'x-forwarded-for': '6.6.6.6', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toBe('req-from-client');
    const { headers } = lastSeen();
    expect(headers['x-request-id']).toBe('req-from-client');
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(String(headers['traceparent']).split('-')[1]).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(Number(headers['x-request-deadline'])).toBeGreaterThan(Date.now());
  });

  it('strips hop-by-hop headers on the way in', async () => {
    await gateway.app.inject({ method: 'GET', url: '/api/categories', headers: { connection: 'x-private', 'x-private': 'secret', 'proxy-authorization': 'Basic x', te: 'trailers' } });
    const { headers } = lastSeen();
    expect(headers['x-private']).toBeUndefined();
    expect(headers['proxy-authorization']).toBeUndefined();
    expect(headers['te']).toBeUndefined();
  });

  it('answers an unknown path with 404 problem+json', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'PLATFORM.NOT_FOUND' });
  });

  it('does not route a path that merely starts like a routed one', async () => {
    expect((await gateway.app.inject({ method: 'GET', url: '/api/productsX' })).statusCode).toBe(404);
    expect((await gateway.app.inject({ method: 'GET', url: '/api/me/extra' })).statusCode).toBe(404);
  });

  it('answers 503 problem+json for a service of the table that has no replica', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/inventory/sku_1' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'PLATFORM.UNAVAILABLE' });
  });

  it("passes an upstream's own error through unchanged", async () => {
    const missing = await gateway.app.inject({ method: 'GET', url: '/api/products/prd_1/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'PLATFORM.NOT_FOUND', instance: '/api/products/prd_1/nope' });
    const failed = await gateway.app.inject({ method: 'GET', url: '/api/products/prd_1/explode' });
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toMatchObject({ code: 'PLATFORM.INTERNAL' });
  });
});

describe('the gateway when its client hangs up', () => {
  it('abandons the upstream call, and does not count it as a server error', async () => {
    const serverErrors = async () => {
      const metrics = (await gateway.app.inject({ method: 'GET', url: '/metrics' })).body;
      return metrics.split('\n').filter((line) => /^http_server_requests_total\{.*status_code="5\d\d"/.test(line));
    };
    const before = await serverErrors();
    const url = await gateway.listen(0);
    await expect(fetch(`${url}/api/products/prd_1/slow`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    await expect.poll(() => upstreams.abandoned, { timeout: 800 }).toEqual(['/api/products/prd_1/slow']);
    expect(await serverErrors()).toEqual(before);
  });
});

describe('the gateway checks request bodies', () => {
  it('forwards malformed JSON, and the owning service’s 400 problem+json comes back', async () => {
    const before = upstreams.seen.length;
    const response = await gateway.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'PLATFORM.MALFORMED_JSON' });
    expect(upstreams.seen.length).toBe(before);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await gateway.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('accepts the JSON media type with parameters', async () => {
    const merged = await gateway.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: '{"email":"a@b.c","password":"x"}',
    });
    expect(merged.statusCode).toBe(200);
  });
});

describe('the gateway protects its responses', () => {
  it('with security headers fit for a JSON API', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/products' });
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('on its own error answers too', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
  });
});

describe('the gateway readiness', () => {
  it('is ready while every deployed service has a healthy replica', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
  });

  it('is not ready when a deployed service has no healthy replica', async () => {
    const { gateway: other, discovery } = await startTestGateway(upstreams);
    discovery.set('catalog', ['http://127.0.0.1:1']);
    const response = await other.app.inject({ method: 'GET', url: '/readyz' });
    await other.close();
    expect(response.statusCode).toBe(503);
    expect(response.json().checks).toContainEqual({ name: 'catalog', ok: false });
  });
});
