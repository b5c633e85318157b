import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, fail, ok } from '@bazaar/platform/errors';
import { createService, type Service } from '@bazaar/platform/http';
import { MessagingErrors, registerMessagingAdminRoutes, type DeadLetter, type DeadLetterQuery, type DeadLetters } from '@bazaar/platform/messaging';
import { createTestIssuer, testLogger, type TestIssuer } from '@bazaar/platform/testing';

const letter: DeadLetter = {
  id: 'dlq_1',
  consumer: 'orders',
  messageId: 'msg_1',
  type: 'inventory.stock-reserved',
  error: 'payload/orderId must match pattern',
  attempts: 1,
  deadAt: new Date(0).toISOString(),
  redrivenAt: null,
  message: { id: 'msg_1' },
  raw: null,
};

const queries: DeadLetterQuery[] = [];
const redriven: string[] = [];
const deadLetters: DeadLetters = {
  async pendingCount() {
    return redriven.length === 0 ? 1 : 0;
  },
  async list(query = {}) {
    queries.push(query);
    return { items: [letter], nextCursor: null };
  },
  async get(id) {
    return id === letter.id ? letter : undefined;
  },
  async redrive(id) {
    if (id !== letter.id) return fail(new AppError(MessagingErrors.DEAD_LETTER_NOT_FOUND));
    redriven.push(id);
    return ok({ ...letter, redrivenAt: new Date(1).toISOString() });
  },
};

let service: Service;
let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await createTestIssuer();
  service = await createService({ name: 'orders', logger: testLogger('orders') });
  registerMessagingAdminRoutes(service.app, { service: 'orders', deadLetters, lag: async () => ({ pending: 3, oldestAgeSeconds: 1.5 }), verifier: issuer.verifier });
  await service.app.ready();
});
afterAll(() => service.close());

const call = async (method: 'GET' | 'POST', url: string, roles: string[] | null, payload?: unknown) =>
  service.app.inject({
    method,
    url,
    headers: {
      ...(roles && { authorization: `Bearer ${await issuer.token({ roles })}` }),
      ...(payload !== undefined && { 'content-type': 'application/json' }),
    },
    ...(payload !== undefined && { payload: JSON.stringify(payload) }),
  });

describe('the messaging admin routes', () => {
  it('tell an administrator the outbox lag and how many dead letters wait', async () => {
    const response = await call('GET', '/api/admin/messaging', ['admin']);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ outboxPending: 3, outboxOldestAgeSeconds: 1.5, deadLettersPending: 1 });
    expect((await call('GET', '/api/admin/messaging', ['customer'])).statusCode).toBe(403);
  });

  it('list a service’s dead letters to an administrator, passing the filters on', async () => {
    const response = await call('GET', '/api/admin/dead-letters/orders?state=all&limit=5', ['customer', 'admin']);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [letter], nextCursor: null });
    expect(queries.at(-1)).toEqual({ state: 'all', limit: 5 });
  });

  it('re-drive one dead letter, with or without an empty body', async () => {
    expect((await call('POST', '/api/admin/dead-letters/orders/dlq_1/redrive', ['admin'], {})).statusCode).toBe(200);
    expect((await call('POST', '/api/admin/dead-letters/orders/dlq_1/redrive', ['admin'])).statusCode).toBe(200);
    expect(redriven).toEqual(['dlq_1', 'dlq_1']);
  });

  it('answer an unknown dead letter with 404 problem+json', async () => {
    const response = await call('POST', '/api/admin/dead-letters/orders/dlq_nope/redrive', ['admin'], {});
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: MessagingErrors.DEAD_LETTER_NOT_FOUND.code });
  });

  it('refuse customers and anonymous callers, and bad filters, before touching anything', async () => {
    const before = [queries.length, redriven.length];
    expect((await call('GET', '/api/admin/dead-letters/orders', ['customer'])).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/dead-letters/orders', null)).statusCode).toBe(401);
    expect((await call('POST', '/api/admin/dead-letters/orders/dlq_1/redrive', ['customer'], {})).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/dead-letters/orders?limit=0', ['admin'])).statusCode).toBe(400);
    expect((await call('POST', '/api/admin/dead-letters/orders/dlq_1/redrive', ['admin'], { force: true })).statusCode).toBe(400);
    expect([queries.length, redriven.length]).toEqual(before);
  });
});
