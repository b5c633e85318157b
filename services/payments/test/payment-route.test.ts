import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import type { Payment } from '@bazaar/payments/contract';
import { paymentOf, startPaymentsFixture, type PaymentsFixture } from './support/payments.fixture.ts';

let fixture: PaymentsFixture;
let payment: Payment;
let ownerToken: string;
beforeAll(async () => {
  fixture = await startPaymentsFixture();
  const customerId = newId('usr');
  payment = paymentOf(await fixture.authorize({ customerId }));
  ownerToken = await fixture.issuer.token({ roles: ['customer'], userId: customerId });
});
afterAll(() => fixture.close());

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

describe("reading an order's payment", () => {
  it('shows the customer the payment of their own order', async () => {
    const response = await fixture.request('GET', `/api/payments/${payment.orderId}`, ownerToken);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(payment);
  });

  it('shows an administrator any payment', async () => {
    expect((await fixture.request('GET', `/api/payments/${payment.orderId}`, fixture.adminToken)).json()).toEqual(payment);
  });

  it("does not find another customer's payment, exactly as if it did not exist", async () => {
    const stranger = await fixture.issuer.token({ roles: ['customer'], userId: newId('usr') });
    const other = await fixture.request('GET', `/api/payments/${payment.orderId}`, stranger);
    const missing = await fixture.request('GET', `/api/payments/${newId('ord')}`, stranger);
    expectProblem(other, 404, 'PAYMENTS.PAYMENT_NOT_FOUND');
    expect({ ...other.json<object>(), instance: undefined }).toEqual({ ...missing.json<object>(), instance: undefined });
  });

  it.each<[string, string, string | undefined, number, string]>([
    ['no token', 'valid', undefined, 401, 'PLATFORM.UNAUTHENTICATED'],
    ['a forged token', 'valid', 'forged', 401, 'PLATFORM.INVALID_TOKEN'],
    ['a malformed order id', 'order-1', 'owner', 400, 'PLATFORM.VALIDATION'],
    ['an order id with SQL in it', "ord_1'%20OR%201=1", 'owner', 400, 'PLATFORM.VALIDATION'],
  ])('refuses a request with %s with a problem+json and writes nothing', async (_why, id, who, status, code) => {
    const before = await fixture.countPayments();
    const token = who === 'owner' ? ownerToken : who === 'forged' ? await fixture.issuer.forgedToken({ roles: ['admin'] }) : undefined;
    const url = `/api/payments/${id === 'valid' ? payment.orderId : id}`;
    expectProblem(await fixture.request('GET', url, token), status, code);
    expect(await fixture.countPayments()).toBe(before);
  });

  it('offers no route to change a payment over HTTP', async () => {
    expectProblem(await fixture.request('POST', `/api/payments/${payment.orderId}`, fixture.adminToken), 404, 'PLATFORM.NOT_FOUND');
  });
});
