import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentOf, startPaymentsFixture, type PaymentsFixture } from './support/payments.fixture.ts';

let fixture: PaymentsFixture;
beforeAll(async () => {
  fixture = await startPaymentsFixture();
});
afterAll(() => fixture.close());

describe('voiding a payment', () => {
  it('releases an authorization, after which it cannot be captured', async () => {
    const authorized = paymentOf(await fixture.authorize());
    const voided = paymentOf(await fixture.payments.useCases.voidPayment(authorized.orderId));
    expect(voided).toMatchObject({ id: authorized.id, status: 'voided', providerAuthorizationId: authorized.providerAuthorizationId, voidedAt: expect.any(String) });
    expect(await fixture.authorizationsOf(authorized)).toEqual([expect.objectContaining({ status: 'voided', voids: 1 })]);
    expect(await fixture.payments.useCases.capturePayment(authorized.orderId)).toMatchObject({ ok: false, error: { code: 'PAYMENTS.NOT_CAPTURABLE' } });
  });

  it('is idempotent: voiding concurrently voids once, and voiding again answers the same without calling', async () => {
    const authorized = paymentOf(await fixture.authorize());
    const results = await Promise.all(Array.from({ length: 4 }, () => fixture.payments.useCases.voidPayment(authorized.orderId)));
    expect(results.map((r) => paymentOf(r).status)).toEqual(Array(4).fill('voided'));
    const [afterConcurrent] = await fixture.authorizationsOf(authorized);
    expect(afterConcurrent).toMatchObject({ status: 'voided', voids: 1 });
    const again = paymentOf(await fixture.payments.useCases.voidPayment(authorized.orderId));
    expect(results.map(paymentOf)).toContainEqual(again);
    expect(await fixture.authorizationsOf(authorized)).toEqual([afterConcurrent]);
  });

  it('refuses a captured payment as PAYMENTS.NOT_VOIDABLE and leaves it captured', async () => {
    const authorized = paymentOf(await fixture.authorize());
    await fixture.payments.useCases.capturePayment(authorized.orderId);
    const result = await fixture.payments.useCases.voidPayment(authorized.orderId);
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYMENTS.NOT_VOIDABLE', status: 409, payment: { status: 'captured' } } });
    expect(await fixture.authorizationsOf(authorized)).toEqual([expect.objectContaining({ status: 'captured', voidRequests: 0 })]);
  });

  it('answers a declined payment as it is, with nothing to release', async () => {
    const before = await fixture.counters();
    const declined = await fixture.authorize({ paymentToken: 'tok_chargeDeclined' });
    const orderId = declined.ok ? declined.value.orderId : (declined.error as { payment: { orderId: string } }).payment.orderId;
    expect(paymentOf(await fixture.payments.useCases.voidPayment(orderId))).toMatchObject({ status: 'declined', declineCode: 'card_declined' });
    expect((await fixture.counters()).voidRequests).toBe(before.voidRequests);
  });

  it('records an order voided before its authorization, so that a late authorize authorizes nothing', async () => {
    const order = fixture.order();
    const voided = paymentOf(await fixture.payments.useCases.voidPayment(order.orderId));
    expect(voided).toMatchObject({ orderId: order.orderId, status: 'voided', amountMinor: 0, currency: 'XXX' });
    const before = await fixture.counters();
    const late = await fixture.payments.useCases.authorizePayment(order);
    expect(late).toMatchObject({ ok: false, error: { code: 'PAYMENTS.VOIDED', payment: { id: voided.id } } });
    expect((await fixture.counters()).authorizeRequests).toBe(before.authorizeRequests);
  });

  it('reports a malformed order id as PAYMENTS.PAYMENT_NOT_FOUND and writes nothing', async () => {
    const before = await fixture.countPayments();
    expect(await fixture.payments.useCases.voidPayment('not-an-order')).toMatchObject({ ok: false, error: { code: 'PAYMENTS.PAYMENT_NOT_FOUND' } });
    expect(await fixture.countPayments()).toBe(before);
  });
});
