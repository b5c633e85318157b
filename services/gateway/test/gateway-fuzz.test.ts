import type { Service } from '@bazaar/platform/http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, startUpstreams, type Upstreams } from './upstream-stubs.ts';

let upstreams: Upstreams;
let gateway: Service;

beforeAll(async () => {
  upstreams = await startUpstreams();
  // Every routed service is up: the catalog stub stands in for the services that have no stub of their own.
  const others = Object.fromEntries(['inventory', 'cart', 'orders', 'payments', 'notifications'].map((name) => [name, [upstreams.catalog.url]]));
  ({ gateway } = await startTestGateway(upstreams, { GATEWAY_RATE_LIMIT_IP_CAPACITY: '100000', GATEWAY_BODY_LIMIT_BYTES: '2048' }, others));
});

afterAll(async () => {
  await gateway.close();
  await upstreams.close();
});

const prefixes = ['/api/products', '/api/products/', '/api/categories', '/api/auth/', '/api/me', '/api/cart', '/api/orders/', '/api/admin/', '/.well-known/jwks.json', '/api/docs', '/', ''];
// Mostly well-formed segments (with valid percent-escapes), now and then a broken escape.
const segment = fc.oneof(
  { weight: 9, arbitrary: fc.stringMatching(/^([A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-F]{2}){0,12}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9%._-]{0,6}$/) },
);
const path = fc
  .tuple(fc.constantFrom(...prefixes), fc.array(segment, { maxLength: 3 }), fc.option(fc.stringMatching(/^[A-Za-z0-9=&%._-]{0,20}$/)))
  .map(([prefix, segments, query]) => `${prefix}${segments.join('/')}${query === null ? '' : `?${query}`}`)
  .map((p) => (p.startsWith('/') ? p : `/${p}`));
const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS');
const headerName = fc.constantFrom(
  'authorization',
  'content-type',
  'x-request-id',
  'x-request-deadline',
  'traceparent',
  'x-forwarded-for',
  'idempotency-key',
  'accept',
  'origin',
  'connection',
  'te',
  'x-anything',
  'cookie',
);
function headersWith(token: string) {
  const value = fc.oneof(
    fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((v) => v.trim()),
    fc.constantFrom('Bearer abc', `Bearer ${token}`, 'application/json', 'text/plain', '0', 'close', 'trailers'),
  );
  return fc.dictionary(headerName, value, { maxKeys: 5 });
}
const body = fc.option(fc.oneof(fc.json(), fc.string({ maxLength: 50 }), fc.constant('x'.repeat(3000))));

describe('the gateway under arbitrary requests', () => {
  it('never answers with a 5xx of its own while the upstreams are healthy', async () => {
    const headers = headersWith(await upstreams.token({ roles: ['customer', 'admin'] }));
    await fc.assert(
      fc.asyncProperty(method, path, headers, body, async (m, url, h, payload) => {
        const withBody = payload !== null && m !== 'GET' && m !== 'HEAD';
        const response = await gateway.app.inject({ method: m as 'GET', url, headers: h, ...(withBody ? { payload } : {}) });
        expect(response.statusCode, `${m} ${url} ${JSON.stringify(h)} answered ${response.body}`).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });
});
