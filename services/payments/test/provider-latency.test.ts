import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PaymentFailure } from '@bazaar/payments/main';
import { NO_FAULTS, paymentOf, startPaymentsFixture, type PaymentsFixture } from './support/payments.fixture.ts';

let fixture: PaymentsFixture;
beforeAll(async () => {
  // This file is about timeouts and retries: a circuit that never opens keeps its tests independent.
  fixture = await startPaymentsFixture({ PAYMENTS_PROVIDER_BREAKER_FAILURES: '1000' });
});
afterEach(() => fixture.setFaults(NO_FAULTS));
afterAll(() => fixture.close());

/** Three times the one-second attempt limit of the fixture: every attempt times out. */
const SLOW = { latencyMs: 3_000 };

async function authorizeWhileSlow() {
  await fixture.setFaults(SLOW);
  const order = fixture.order();
  const result = await fixture.payments.useCases.authorizePayment(order);
  expect(result).toMatchObject({ ok: false, error: { code: 'PAYMENTS.PROVIDER_UNAVAILABLE', status: 503 } });
  return { order, payment: (result as { error: PaymentFailure }).error.payment };
}

describe('a provider slower than the call timeout', () => {
  it('is retried, then reported as PAYMENTS.PROVIDER_UNAVAILABLE, and the late requests make one authorization', async () => {
    const before = await fixture.counters();
    const { payment } = await authorizeWhileSlow();
    expect(payment).toMatchObject({ status: 'failed', failureCode: 'PAYMENTS.PROVIDER_UNAVAILABLE', attempts: 1 });
    // The first attempt and both retries reach the provider late, all with the payment's one authorize key.
    await vi.waitFor(async () => expect(await fixture.authorizationsOf(payment)).toEqual([expect.objectContaining({ authorizeRequests: 3 })]), {
      timeout: 15_000,
      interval: 200,
    });
    const after = await fixture.counters();
    expect(after.authorizeRequests - before.authorizeRequests).toBe(3);
    expect(after.authorizations - before.authorizations).toBe(1);
    expect(fixture.payments.providerBreaker()).toBe('closed');
  });

  it('repeats the failure for the same order without calling the provider again', async () => {
    const { order, payment } = await authorizeWhileSlow();
    await fixture.setFaults(NO_FAULTS);
    const calls = (await fixture.counters()).authorizeRequests;
    const again = await fixture.payments.useCases.authorizePayment(order);
    expect(again).toMatchObject({ ok: false, error: { code: 'PAYMENTS.PROVIDER_UNAVAILABLE', payment: { id: payment.id } } });
    expect((await fixture.counters()).authorizeRequests).toBe(calls);
  });

  it('leaves an authorization nobody heard of, which voiding the payment finds by its key and releases', async () => {
    const { payment } = await authorizeWhileSlow();
    await vi.waitFor(async () => expect(await fixture.authorizationsOf(payment)).toHaveLength(1), { timeout: 15_000, interval: 200 });
    await fixture.setFaults(NO_FAULTS);
    const [late] = await fixture.authorizationsOf(payment);
    const voided = paymentOf(await fixture.payments.useCases.voidPayment(payment.orderId));
    expect(voided).toMatchObject({ status: 'voided', providerAuthorizationId: late!.authorizationId });
    expect(await fixture.authorizationsOf(payment)).toEqual([expect.objectContaining({ status: 'voided', voids: 1 })]);
  });
});

