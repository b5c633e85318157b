import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import type { Authorization } from '@bazaar/payment-provider/contract';
import { freshKey, problemOf, startProviderFixture, type ProviderFixture } from './support/provider.fixture.ts';

let provider: ProviderFixture;
beforeAll(async () => {
  provider = await startProviderFixture();
});
afterAll(() => provider.close());

const problem = (status: number, code: string) => ({ status, code, contentType: 'application/problem+json' });
const visa = (overrides: Record<string, unknown> = {}) => ({ amountMinor: 4200, currency: 'EUR', token: 'tok_visa', idempotencyKey: freshKey(), ...overrides });

describe('authorizing a test card', () => {
  it('approves tok_visa with 201 and an authorization id', async () => {
    const response = await provider.authorize(visa());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ authorizationId: expect.stringMatching(/^auth_/), status: 'approved', amountMinor: 4200, currency: 'EUR' });
  });

  it('declines tok_chargeDeclined with 402 and card_declined', async () => {
    const response = await provider.authorize(visa({ token: 'tok_chargeDeclined' }));
    expect(response.statusCode).toBe(402);
    expect(response.json()).toMatchObject({ status: 'declined', declineCode: 'card_declined' });
  });

  it('refuses any other token with 400 and makes no authorization', async () => {
    const before = await provider.counters();
    const response = await provider.authorize(visa({ token: 'tok_mastercard' }));
    expect(problemOf(response)).toEqual(problem(400, 'PAYMENT_PROVIDER.UNKNOWN_TOKEN'));
    expect((await provider.counters()).authorizations).toBe(before.authorizations);
  });

  it('answers the same key with the same authorization, made once', async () => {
    const body = visa();
    const before = await provider.counters();
    const answers = await Promise.all([provider.authorize(body), provider.authorize(body), provider.authorize(body)]);
    const ids = new Set(answers.map((a) => a.json<Authorization>().authorizationId));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(ids.size).toBe(1);
    const after = await provider.counters();
    expect(after.authorizations - before.authorizations).toBe(1);
    expect(after.authorizeRequests - before.authorizeRequests).toBe(3);
    const byKey = await provider.request('GET', `/api/admin/payment-provider/authorizations?idempotencyKey=${body.idempotencyKey}`, { token: provider.adminToken });
    expect(byKey.json()).toEqual({ items: [expect.objectContaining({ authorizeRequests: 3, captures: 0 })] });
  });

  it('repeats a decline for the same key without drawing again', async () => {
    provider.dice.push(0.1);
    await provider.setFaults({ declineRate: 0.5 });
    const body = visa();
    expect((await provider.authorize(body)).statusCode).toBe(402);
    await provider.setFaults({});
    expect((await provider.authorize(body)).json()).toMatchObject({ status: 'declined', declineCode: 'insufficient_funds' });
  });

  it('refuses a key reused for another amount with 409', async () => {
    const body = visa();
    await provider.authorize(body);
    expect(problemOf(await provider.authorize({ ...body, amountMinor: 1 }))).toEqual(problem(409, 'PAYMENT_PROVIDER.IDEMPOTENCY_KEY_REUSED'));
  });

  it('finds an authorization by its idempotency key, and not a key never used', async () => {
    const body = visa();
    const made = (await provider.authorize(body)).json<Authorization>();
    const found = await provider.request('GET', `/v1/authorizations?idempotencyKey=${body.idempotencyKey}`);
    expect(found.json()).toEqual(made);
    expect(problemOf(await provider.request('GET', `/v1/authorizations?idempotencyKey=${freshKey()}`))).toEqual(problem(404, 'PAYMENT_PROVIDER.AUTHORIZATION_NOT_FOUND'));
  });

  it.each<[string, Record<string, unknown>]>([
    ['no amount', { amountMinor: undefined }],
    ['a zero amount', { amountMinor: 0 }],
    ['a fractional amount', { amountMinor: 10.5 }],
    ['an amount given as text', { amountMinor: '100' }],
    ['a lower-case currency', { currency: 'eur' }],
    ['no idempotency key', { idempotencyKey: undefined }],
    ['an idempotency key with spaces', { idempotencyKey: 'a key' }],
    ['an empty token', { token: '' }],
    ['a field the API does not know', { cvc: '123' }],
  ])('refuses %s with 400 problem+json and makes nothing', async (_why, overrides) => {
    const before = await provider.counters();
    expect(problemOf(await provider.authorize(visa(overrides)))).toEqual(problem(400, 'PLATFORM.VALIDATION'));
    expect((await provider.counters()).authorizeRequests).toBe(before.authorizeRequests);
  });
});

describe('capturing an authorization', () => {
  it('captures the whole amount, and a second capture returns the same capture without making another', async () => {
    const made = await provider.approved(3000);
    const first = await provider.request('POST', `/v1/authorizations/${made.authorizationId}/capture`, { body: {} });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'captured', capturedAmountMinor: 3000 });
    const second = await provider.request('POST', `/v1/authorizations/${made.authorizationId}/capture`, { body: { amountMinor: 100 } });
    expect(second.json()).toEqual(first.json());
    const byKey = await provider.request('GET', `/api/admin/payment-provider/authorizations?idempotencyKey=${made.idempotencyKey}`, { token: provider.adminToken });
    expect(byKey.json()).toEqual({ items: [expect.objectContaining({ captureRequests: 2, captures: 1 })] });
  });

  it('captures part of the amount, and refuses more than was authorized with 422', async () => {
    const made = await provider.approved(3000);
    const url = `/v1/authorizations/${made.authorizationId}/capture`;
    expect(problemOf(await provider.request('POST', url, { body: { amountMinor: 3001 } }))).toEqual(problem(422, 'PAYMENT_PROVIDER.AMOUNT_EXCEEDS_AUTHORIZATION'));
    expect((await provider.request('POST', url, { body: { amountMinor: 1000 } })).json()).toMatchObject({ capturedAmountMinor: 1000 });
  });

  it('refuses a declined or voided authorization with 409', async () => {
    const declined = (await provider.authorize(visa({ token: 'tok_chargeDeclined' }))).json<Authorization>();
    const voided = await provider.approved();
    await provider.request('POST', `/v1/authorizations/${voided.authorizationId}/void`, { body: {} });
    for (const { authorizationId } of [declined, voided]) {
      expect(problemOf(await provider.request('POST', `/v1/authorizations/${authorizationId}/capture`, { body: {} }))).toEqual(problem(409, 'PAYMENT_PROVIDER.NOT_CAPTURABLE'));
    }
  });

  it('does not find an authorization that was never made, and refuses a malformed id with 400', async () => {
    const unknown = await provider.request('POST', `/v1/authorizations/${newId('auth')}/capture`, { body: {} });
    expect(problemOf(unknown)).toEqual(problem(404, 'PAYMENT_PROVIDER.AUTHORIZATION_NOT_FOUND'));
    expect(problemOf(await provider.request('POST', '/v1/authorizations/nope/capture', { body: {} }))).toEqual(problem(400, 'PLATFORM.VALIDATION'));
    expect(problemOf(await provider.request('POST', '/v1/authorizations/nope/capture', { body: { amountMinor: -1 } }))).toEqual(problem(400, 'PLATFORM.VALIDATION'));
  });
});

describe('voiding an authorization', () => {
  it('voids it once, however often it is asked', async () => {
    const made = await provider.approved();
    const url = `/v1/authorizations/${made.authorizationId}/void`;
    const first = await provider.request('POST', url, { body: {} });
    expect(first.json()).toMatchObject({ status: 'voided' });
    expect((await provider.request('POST', url, { body: {} })).json()).toEqual(first.json());
    const byKey = await provider.request('GET', `/api/admin/payment-provider/authorizations?idempotencyKey=${made.idempotencyKey}`, { token: provider.adminToken });
    expect(byKey.json()).toEqual({ items: [expect.objectContaining({ voidRequests: 2, voids: 1 })] });
  });

  it('refuses to void a captured authorization with 409', async () => {
    const made = await provider.approved();
    await provider.request('POST', `/v1/authorizations/${made.authorizationId}/capture`, { body: {} });
    const response = await provider.request('POST', `/v1/authorizations/${made.authorizationId}/void`, { body: {} });
    expect(problemOf(response)).toEqual(problem(409, 'PAYMENT_PROVIDER.NOT_VOIDABLE'));
  });

  it('refuses a body with fields with 400', async () => {
    const made = await provider.approved();
    const response = await provider.request('POST', `/v1/authorizations/${made.authorizationId}/void`, { body: { reason: 'x' } });
    expect(problemOf(response)).toEqual(problem(400, 'PLATFORM.VALIDATION'));
  });
});
