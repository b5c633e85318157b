import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { Service } from '@bazaar/platform/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, startUpstreams, type Upstreams } from './upstream-stubs.ts';

let upstreams: Upstreams;
let gateway: Service;
let root: string;
const SCRIPT = `console.log(${JSON.stringify('shop '.repeat(400))})`;
const PAGE = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bazaar-storefront-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), PAGE);
  await writeFile(path.join(root, 'assets', 'index-abc123.js'), SCRIPT);
  // As the storefront's build writes them: compressed copies beside the file.
  await writeFile(path.join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync(SCRIPT));
  await writeFile(path.join(root, 'assets', 'index-abc123.js.gz'), gzipSync(SCRIPT));
  await writeFile(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  upstreams = await startUpstreams();
  ({ gateway } = await startTestGateway(upstreams, { BAZAAR_STOREFRONT_DIR: root }));
});

afterAll(async () => {
  await gateway.close();
  await upstreams.close();
  await rm(root, { recursive: true, force: true });
});

const get = (url: string) => gateway.app.inject({ method: 'GET', url });

describe('the storefront behind the gateway', () => {
  it('serves its page at / with a policy that lets it load its own scripts and call the API only', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toBe(PAGE);
    expect(response.headers['cache-control']).toBe('no-cache');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('answers the app’s own routes with the page, so a reload on /products/prd_1 works', async () => {
    for (const url of ['/products/prd_1', '/orders/ord_1?tab=events', '/no/such/page']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(PAGE);
    }
  });

  it('serves hashed assets to be cached for good, and other files to be revalidated', async () => {
    const script = await get('/assets/index-abc123.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('sends the compressed copy the browser accepts, and the plain file to one that accepts none', async () => {
    const send = (encoding: string | undefined) =>
      gateway.app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

    const brotli = await send('gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(SCRIPT);
    expect(brotli.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const gzip = await send('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);

    const plain = await send(undefined);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('keeps a missing asset and an unknown API path a 404 problem, never the page', async () => {
    for (const url of ['/assets/missing-000.js', '/robots.txt', '/api/nothing-here', '/.well-known/nothing']) {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('never serves a file from outside its folder', async () => {
    for (const url of ['/../package.json', '/assets/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const response = await get(url);
      expect(response.body).not.toContain('root:');
      expect([200, 400, 403, 404]).toContain(response.statusCode);
      if (response.statusCode === 200) expect(response.body).toBe(PAGE);
    }
  });

  it('still routes the API', async () => {
    const response = await get('/api/products?q=lamp');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ service: 'catalog' });
  });
});
