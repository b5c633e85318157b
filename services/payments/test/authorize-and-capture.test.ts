import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import type { PaymentFailure } from '@bazaar/payments/main';
import { paymentOf, startPaymentsFixture, type PaymentsFixture } from './support/payments.fixture.ts';

let fixture: PaymentsFixture;
beforeAll(async () => {
  fixture = await startPaymentsFixture();
});
afterAll(() => fixture.close());

describe('authorizing and capturing a payment', () => {
  it('authorizes tok_visa, captures it, and a second capture is a no-op at the provider', async () => {
    const authorized = paymentOf(await fixture.authorize({ amountMinor: 4999, currency: 'EUR' }));
    expect(authorized).toMatchObject({
      id: expect.stringMatching(/^pay_/),
      status: 'authorized',
      amountMinor: 4999,
      currency: 'EUR',
      providerAuthorizationId: expect.stringMatching(/^auth_/),
      attempts: 1,
    });
    const captured = paymentOf(await fixture.payments.useCases.capturePayment(authorized.orderId));
    expect(captured).toMatchObject({ id: authorized.id, status: 'captured', capturedAt: expect.any(String), attempts: 2 });
    const again = paymentOf(await fixture.payments.useCases.capturePayment(authorized.orderId));
    expect(again).toEqual(captured);
    expect(await fixture.authorizationsOf(authorized)).toEqual([expect.objectContaining({ status: 'captured', captureRequests: 1, captures: 1 })]);
  });

  it('captures once when asked concurrently', async () => {
    const authorized = paymentOf(await fixture.authorize());
    const results = await Promise.all(Array.from({ length: 5 }, () => fixture.payments.useCases.capturePayment(authorized.orderId)));
    expect(results.map((r) => paymentOf(r).status)).toEqual(Array(5).fill('captured'));
    const [authorization] = await fixture.authorizationsOf(authorized);
    expect(authorization).toMatchObject({ captures: 1 });
  });

  it('reports a declined card as PAYMENTS.DECLINED with its decline code, and nothing can be captured', async () => {
    const before = await fixture.counters();
    const result = await fixture.authorize({ paymentToken: 'tok_chargeDeclined' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYMENTS.DECLINED', payment: { status: 'declined', declineCode: 'card_declined' } } });
    const declined = (result as { error: PaymentFailure }).error.payment;
    expect(await fixture.payments.useCases.capturePayment(declined.orderId)).toMatchObject({ ok: false, error: { code: 'PAYMENTS.NOT_CAPTURABLE' } });
    expect((await fixture.counters()).captureRequests).toBe(before.captureRequests);
  });

  it('reports a token the provider does not know as a decline with invalid_token', async () => {
    const result = await fixture.authorize({ paymentToken: 'tok_unknown' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYMENTS.DECLINED', payment: { status: 'declined', declineCode: 'invalid_token' } } });
  });

  it('answers the same authorization twice with the same payment, authorized once at the provider', async () => {
    const order = fixture.order();
    const first = paymentOf(await fixture.payments.useCases.authorizePayment(order));
    const second = paymentOf(await fixture.payments.useCases.authorizePayment(order));
    expect(second).toEqual(first);
    expect(await fixture.authorizationsOf(first)).toEqual([expect.objectContaining({ authorizeRequests: 1 })]);
  });

  it('authorizes once at the provider when the same order is authorized concurrently', async () => {
    const order = fixture.order();
    const before = await fixture.counters();
    const results = await Promise.all(Array.from({ length: 6 }, () => fixture.payments.useCases.authorizePayment(order)));
    const payments = results.map(paymentOf);
    expect(new Set(payments.map((p) => p.id)).size).toBe(1);
    expect(new Set(payments.map((p) => p.providerAuthorizationId)).size).toBe(1);
    expect(payments.every((p) => p.status === 'authorized')).toBe(true);
    expect(await fixture.authorizationsOf(payments[0]!)).toHaveLength(1);
    expect((await fixture.counters()).authorizations - before.authorizations).toBe(1);
  });

  it('refuses the same order with another amount as PAYMENTS.TERMS_CHANGED and keeps the first payment', async () => {
    const order = fixture.order();
    const first = paymentOf(await fixture.payments.useCases.authorizePayment(order));
    const result = await fixture.payments.useCases.authorizePayment({ ...order, amountMinor: order.amountMinor + 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYMENTS.TERMS_CHANGED', payment: { id: first.id, amountMinor: order.amountMinor } } });
  });
});

describe('bad input to the payment use cases', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an order id of the wrong shape', { orderId: 'order-1' }, 'orderId'],
    ['a customer id of the wrong shape', { customerId: 'someone' }, 'customerId'],
    ['a zero amount', { amountMinor: 0 }, 'amountMinor'],
    ['a fractional amount', { amountMinor: 12.5 }, 'amountMinor'],
    ['an amount given as text', { amountMinor: '100' }, 'amountMinor'],
    ['an amount past ten billion', { amountMinor: 10_000_000_001 }, 'amountMinor'],
    ['a currency that does not exist', { currency: 'ZZZ' }, 'currency'],
    ['a lower-case currency', { currency: 'usd' }, 'currency'],
    ['a token with spaces', { paymentToken: 'tok visa' }, 'paymentToken'],
    ['no token', { paymentToken: undefined }, 'paymentToken'],
  ])('refuses an authorization with %s as PLATFORM.VALIDATION and writes nothing', async (_why, overrides, path) => {
    const before = await fixture.countPayments();
    const calls = (await fixture.counters()).authorizeRequests;
    const result = await fixture.payments.useCases.authorizePayment({ ...fixture.order(), ...overrides } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'PLATFORM.VALIDATION', status: 400, errors: [expect.objectContaining({ path })] } });
    expect(await fixture.countPayments()).toBe(before);
    expect((await fixture.counters()).authorizeRequests).toBe(calls);
  });

  it.each([['an order with no payment', newId('ord')], ['a malformed order id', "ord_1' OR 1=1"]])('reports capturing %s as PAYMENTS.PAYMENT_NOT_FOUND and writes nothing', async (_why, orderId) => {
    const before = await fixture.countPayments();
    expect(await fixture.payments.useCases.capturePayment(orderId)).toMatchObject({ ok: false, error: { code: 'PAYMENTS.PAYMENT_NOT_FOUND', status: 404 } });
    expect(await fixture.countPayments()).toBe(before);
  });
});
