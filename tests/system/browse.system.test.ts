import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, npmStart, type StartedProcess } from './embedded-process.ts';

const ADMIN = { email: 'admin@bazaar.local', password: 'system-test-admin-password' };

async function call(base: string, method: string, url: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

describe('the embedded placement, started as a newcomer starts it', () => {
  let dataDir: string;
  let port: number;
  let base: string;
  let system: StartedProcess;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bazaar-system-'));
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    system = await npmStart({
      BAZAAR_DATA_DIR: dataDir,
      PORT: String(port),
      BAZAAR_ADMIN_EMAIL: ADMIN.email,
      BAZAAR_ADMIN_PASSWORD: ADMIN.password,
    });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('prints the URL and where the admin credentials come from', () => {
    expect(system.output()).toContain(`Bazaar is ready at http://localhost:${port}`);
    expect(system.output()).toContain('BAZAAR_ADMIN_PASSWORD');
  });

  it('serves the storefront at / and on its own routes, with the scripts the page names', async () => {
    for (const url of ['/', '/admin/system', '/products/prd_anything']) {
      const page = await fetch(`${base}${url}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      expect(html).toContain('<div id="root">');
      for (const [, asset] of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
        const served = await fetch(`${base}${asset}`);
        // Read to the end: an unread body would keep its connection busy and hold the system's shutdown open.
        await served.arrayBuffer();
        expect(served.status).toBe(200);
      }
    }
  });

  it('lets a shopper register, log in, search, browse, and sees an admin edit at once', async () => {
    const email = `shopper-${Date.now()}@example.com`;
    const password = 'a long and unusual passphrase';
    const registered = await call(base, 'POST', '/api/auth/register', { email, password, name: 'Sam Shopper' });
    expect(registered.status).toBe(201);

    const login = await call(base, 'POST', '/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    const me = await call(base, 'GET', '/api/me', undefined, login.body.accessToken);
    expect(me.body.email).toBe(email);

    // A browser keeps the refresh token in its cookie, which crosses the gateway both ways.
    const cookie = login.headers.getSetCookie().find((value) => value.startsWith('bazaar_refresh='))!;
    expect(cookie).toContain('HttpOnly');
    const silent = await fetch(`${base}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0]! },
      body: '{}',
    });
    expect(silent.status).toBe(200);
    expect(silent.headers.getSetCookie().some((value) => value.startsWith('bazaar_refresh=') && !value.startsWith(cookie.split(';')[0]!))).toBe(true);

    // user.registered travels identity's outbox → the bus → notifications' inbox.
    await vi.waitFor(async () => {
      const inbox = await call(base, 'GET', '/api/notifications', undefined, login.body.accessToken);
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toEqual(['welcome']);
    }, { timeout: 10_000, interval: 200 });

    const categories = await call(base, 'GET', '/api/categories');
    expect(categories.body.length).toBeGreaterThanOrEqual(10);

    const firstPage = await call(base, 'GET', '/api/products?limit=5');
    const target = firstPage.body.items[0];
    const word = String(target.name).split(/\s+/).find((w: string) => /^[A-Za-z]{4,}$/.test(w));
    const search = await call(base, 'GET', `/api/products?q=${encodeURIComponent(word!)}&limit=50`);
    expect(search.status).toBe(200);
    expect(search.body.items.length).toBeGreaterThan(0);
    expect(search.body.items.every((p: { name: string; description: string }) => `${p.name} ${p.description}`.toLowerCase().includes(word!.toLowerCase().slice(0, 4)))).toBe(true);

    const detail = await call(base, 'GET', `/api/products/${target.id}`);
    expect(detail.status).toBe(200);

    // An anonymous cart, filled before signing in, joins the shopper's cart at login.
    const anonymous = await call(base, 'POST', '/api/cart', {});
    expect(anonymous.status).toBe(201);
    const added = await fetch(`${base}/api/cart/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cart-id': anonymous.body.id },
      body: JSON.stringify({ productId: target.id, quantity: 2 }),
    });
    expect(added.status).toBe(200);
    expect((await call(base, 'POST', '/api/cart/merge', { cartId: anonymous.body.id }, login.body.accessToken)).status).toBe(200);
    const cart = await call(base, 'GET', '/api/cart', undefined, login.body.accessToken);
    expect(cart.body.items).toEqual([expect.objectContaining({ productId: target.id, quantity: 2, priceMinor: detail.body.priceMinor })]);
    await call(base, 'GET', `/api/products/${target.id}`); // warm the cache so the edit must invalidate it

    const customerEdit = await call(base, 'PATCH', `/api/products/${target.id}`, { priceMinor: 1234 }, login.body.accessToken);
    expect(customerEdit.status).toBe(403);

    const admin = await call(base, 'POST', '/api/auth/login', ADMIN);
    expect(admin.status).toBe(200);
    const newPrice = detail.body.priceMinor + 101;
    const edit = await call(base, 'PATCH', `/api/products/${target.id}`, { priceMinor: newPrice }, admin.body.accessToken);
    expect(edit.status).toBe(200);

    const after = await call(base, 'GET', `/api/products/${target.id}`);
    expect(after.body.priceMinor).toBe(newPrice);
  });

  it('refuses a second start on the same data directory', async () => {
    await expect(
      npmStart({ BAZAAR_DATA_DIR: dataDir, PORT: String(await freePort()), BAZAAR_ADMIN_PASSWORD: ADMIN.password }, 30_000),
    ).rejects.toThrow(/already running on the data directory/);
  }, 60_000);

  it('keeps its data across a restart', async () => {
    const email = `returning-${Date.now()}@example.com`;
    const password = 'another long passphrase';
    expect((await call(base, 'POST', '/api/auth/register', { email, password, name: 'Rita Returning' })).status).toBe(201);
    await system.stop();
    expect(system.output()).toContain('Bazaar stopped cleanly.');

    system = await npmStart({ BAZAAR_DATA_DIR: dataDir, PORT: String(port), BAZAAR_ADMIN_EMAIL: ADMIN.email, BAZAAR_ADMIN_PASSWORD: ADMIN.password });
    const login = await call(base, 'POST', '/api/auth/login', { email, password });
    expect(login.status).toBe(200);
  }, 120_000);
});
