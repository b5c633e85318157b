import { createService, type Service } from '@bazaar/platform/http';
import { testLogger } from '@bazaar/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemView } from '../src/contract/index.ts';
import { startTestGateway, startUpstreams, type Upstreams } from './upstream-stubs.ts';

let upstreams: Upstreams;
let orders: Service;
let gateway: Service;
const authorizations: (string | undefined)[] = [];

beforeAll(async () => {
  upstreams = await startUpstreams();
  orders = await createService({ name: 'orders', logger: testLogger('orders') });
  orders.addReadinessCheck({ name: 'postgres', check: async () => {} });
  orders.addReadinessCheck({ name: 'broker', check: async () => Promise.reject(new Error('connection refused')) });
  orders.app.get('/api/admin/messaging', async (request) => {
    authorizations.push(request.headers.authorization);
    return { outboxPending: 2, outboxOldestAgeSeconds: 0.5, deadLettersPending: 1 };
  });
  const ordersUrl = await orders.listen(0);
  // The second replica of orders is gone: nothing listens on port 1.
  ({ gateway } = await startTestGateway(upstreams, {}, { orders: [ordersUrl, 'http://127.0.0.1:1'] }));
});

afterAll(async () => {
  await gateway.close();
  await orders.close();
  await upstreams.close();
});

const read = async (roles: string[] | null) =>
  gateway.app.inject({ method: 'GET', url: '/api/admin/system', headers: roles ? { authorization: `Bearer ${await upstreams.token({ roles })}` } : {} });

describe('the system view', () => {
  it('shows an administrator every routed service with its replicas, circuit and messaging', async () => {
    const response = await read(['admin']);
    expect(response.statusCode).toBe(200);
    const view = response.json<SystemView>();
    expect(view.services.map((service) => service.name).sort()).toEqual(['cart', 'catalog', 'identity', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments']);

    const catalog = view.services.find((service) => service.name === 'catalog')!;
    expect(catalog).toMatchObject({ breaker: 'closed', messaging: null });
    expect(catalog.replicas).toEqual([
      { url: upstreams.catalog.url, status: 'ready', pid: process.pid, uptimeSeconds: expect.any(Number), checks: [], ejected: false, inFlight: 0 },
    ]);

    const ordersView = view.services.find((service) => service.name === 'orders')!;
    expect(ordersView.messaging).toEqual({ outboxPending: 2, outboxOldestAgeSeconds: 0.5, deadLettersPending: 1 });
    expect(ordersView.replicas.map(({ status, checks }) => ({ status, checks }))).toEqual([
      { status: 'not-ready', checks: [{ name: 'postgres', ok: true }, { name: 'broker', ok: false }] },
      { status: 'down', checks: [] },
    ]);
    expect(authorizations.at(-1)).toMatch(/^Bearer /);

    // A service this placement does not run is listed with no replica rather than left out.
    expect(view.services.find((service) => service.name === 'payments')).toEqual({ name: 'payments', replicas: [], breaker: 'closed', messaging: null });
  });

  it('is for administrators only', async () => {
    expect((await read(['customer'])).statusCode).toBe(403);
    expect((await read(null)).statusCode).toBe(401);
  });
});
