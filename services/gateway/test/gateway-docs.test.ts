import type { Service } from '@bazaar/platform/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the gateway API documentation', () => {
  it('merges the paths of every running service into one OpenAPI document', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/me', '/api/auth/login', '/api/products', '/api/products/{id}', '/api/categories']));
    expect(document.paths['/api/products'].get).toMatchObject({ summary: 'Search products', tags: ['catalog'] });
    expect(document.paths['/api/me'].get).toMatchObject({ tags: ['identity'], security: [{ bearer: [] }] });
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('leaves out what the gateway does not route: internal paths and health endpoints', async () => {
    const { paths } = (await gateway.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(paths['/internal/reindex']).toBeUndefined();
    expect(paths['/healthz']).toBeUndefined();
    expect(paths['/.well-known/jwks.json']).toBeDefined();
  });

  it('serves a browsable page of the same paths, with no script and a CSP that allows only its own style', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(response.body).toContain('/api/products/{id}');
    expect(response.body).toContain('Search products');
    expect(response.body).not.toContain('<script');
  });

  it('says which services are missing when one cannot be asked', async () => {
    const { gateway: partial } = await startTestGateway(upstreams, {}, { catalog: ['http://127.0.0.1:1'] });
    try {
      const document = (await partial.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(document.paths['/api/me']).toBeDefined();
      expect(document.paths['/api/products']).toBeUndefined();
      expect(document.info.description).toContain('catalog');
    } finally {
      await partial.close();
    }
  });
});
