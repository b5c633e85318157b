import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS, freshKey, problemOf, startProviderFixture, type ProviderFixture } from './support/provider.fixture.ts';

let provider: ProviderFixture;
beforeAll(async () => {
  provider = await startProviderFixture();
});
afterEach(() => provider.setFaults(NO_FAULTS));
afterAll(() => provider.close());

const FAULTS = '/api/admin/payment-provider/faults';
const visa = () => ({ amountMinor: 1000, currency: 'USD', token: 'tok_visa', idempotencyKey: freshKey() });

describe('the fault knobs', () => {
  it('start with no faults and take new values from an administrator', async () => {
    expect((await provider.request('GET', FAULTS, { token: provider.adminToken })).json()).toEqual(NO_FAULTS);
    const next = { latencyMs: 5, declineRate: 0.25, outage: false };
    const response = await provider.request('PUT', FAULTS, { token: provider.adminToken, body: next });
    expect(response.json()).toEqual(next);
    expect((await provider.request('GET', FAULTS, { token: provider.adminToken })).json()).toEqual(next);
  });

  it('are refused to a customer with 403 and to a stranger with 401', async () => {
    for (const method of ['GET', 'PUT'] as const) {
      const body = method === 'PUT' ? { ...NO_FAULTS, outage: true } : undefined;
      expect(problemOf(await provider.request(method, FAULTS, { token: provider.customerToken, body }))).toMatchObject({ status: 403, code: 'PLATFORM.FORBIDDEN' });
      expect(problemOf(await provider.request(method, FAULTS, { body }))).toMatchObject({ status: 401, code: 'PLATFORM.UNAUTHENTICATED' });
    }
    expect(problemOf(await provider.request('GET', '/api/admin/payment-provider/counters', { token: provider.customerToken }))).toMatchObject({ status: 403 });
    expect((await provider.request('GET', FAULTS, { token: provider.adminToken })).json()).toEqual(NO_FAULTS);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a negative latency', { latencyMs: -1 }],
    ['a latency above 30 s', { latencyMs: 30_001 }],
    ['a fractional latency', { latencyMs: 1.5 }],
    ['a decline rate above 1', { declineRate: 1.1 }],
    ['a negative decline rate', { declineRate: -0.1 }],
    ['an outage given as text', { outage: 'yes' }],
    ['a missing knob', { outage: undefined }],
    ['a knob that does not exist', { jitter: 3 }],
  ])('refuse %s with 400 problem+json and stay as they were', async (_why, overrides) => {
    const response = await provider.request('PUT', FAULTS, { token: provider.adminToken, body: { ...NO_FAULTS, ...overrides } });
    expect(problemOf(response)).toEqual({ status: 400, code: 'PLATFORM.VALIDATION', contentType: 'application/problem+json' });
    expect((await provider.request('GET', FAULTS, { token: provider.adminToken })).json()).toEqual(NO_FAULTS);
  });

  it('slow every card call by the latency set', async () => {
    await provider.setFaults({ latencyMs: 300 });
    const started = performance.now();
    expect((await provider.authorize(visa())).statusCode).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('decline tok_visa as often as the dice say, with insufficient_funds', async () => {
    await provider.setFaults({ declineRate: 0.5 });
    provider.dice.push(0.49, 0.5);
    const declined = await provider.authorize(visa());
    expect(declined.statusCode).toBe(402);
    expect(declined.json()).toMatchObject({ declineCode: 'insufficient_funds' });
    expect((await provider.authorize(visa())).statusCode).toBe(201);
  });

  it('answer every card call with 503 during an outage, and count the refusals without processing them', async () => {
    const made = await provider.approved();
    await provider.setFaults({ outage: true });
    const before = await provider.counters();
    const calls = [
      provider.authorize(visa()),
      provider.request('POST', `/v1/authorizations/${made.authorizationId}/capture`, { body: {} }),
      provider.request('POST', `/v1/authorizations/${made.authorizationId}/void`, { body: {} }),
      provider.request('GET', `/v1/authorizations?idempotencyKey=${made.idempotencyKey}`),
    ];
    for (const response of await Promise.all(calls)) {
      expect(problemOf(response)).toEqual({ status: 503, code: 'PAYMENT_PROVIDER.OUTAGE', contentType: 'application/problem+json' });
    }
    const after = await provider.counters();
    expect(after).toEqual({ ...before, refusedByOutage: before.refusedByOutage + 4 });
    await provider.setFaults({});
    expect((await provider.request('POST', `/v1/authorizations/${made.authorizationId}/capture`, { body: {} })).statusCode).toBe(200);
  });
});
