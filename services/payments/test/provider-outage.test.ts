import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS, paymentOf, startPaymentsFixture, TEST_TIMINGS, type PaymentsFixture } from './support/payments.fixture.ts';

let fixture: PaymentsFixture;
beforeAll(async () => {
  fixture = await startPaymentsFixture();
});
afterEach(() => fixture.setFaults(NO_FAULTS));
afterAll(() => fixture.close());

const unavailable = { ok: false, error: { code: 'PAYMENTS.PROVIDER_UNAVAILABLE' } };
/** Comfortably past the fixture's open-circuit time, so the next call is the half-open trial. */
const pastHalfOpen = () => sleep(Number(TEST_TIMINGS.PAYMENTS_PROVIDER_HALF_OPEN_MS) * 2);

describe('a provider outage', () => {
  it('opens the circuit, which then fails fast, and closes again once the provider is back', async () => {
    await fixture.setFaults({ outage: true });
    const start = await fixture.counters();
    expect(await fixture.authorize()).toMatchObject(unavailable);
    expect((await fixture.counters()).refusedByOutage - start.refusedByOutage).toBe(3);
    // Two more failed attempts make five in a row: the circuit opens before the third.
    expect(await fixture.authorize()).toMatchObject(unavailable);
    expect(fixture.payments.providerBreaker()).toBe('open');
    const opened = await fixture.counters();
    expect(opened.refusedByOutage - start.refusedByOutage).toBe(5);

    expect(await fixture.authorize()).toMatchObject(unavailable);
    expect((await fixture.counters()).refusedByOutage).toBe(opened.refusedByOutage);

    await fixture.setFaults(NO_FAULTS);
    await pastHalfOpen();
    expect(paymentOf(await fixture.authorize())).toMatchObject({ status: 'authorized' });
    expect(fixture.payments.providerBreaker()).toBe('closed');
  });

  it('leaves a capture it interrupts in place, and the next capture finishes it once', async () => {
    const authorized = paymentOf(await fixture.authorize());
    await fixture.setFaults({ outage: true });
    expect(await fixture.payments.useCases.capturePayment(authorized.orderId)).toMatchObject({ ...unavailable, error: { ...unavailable.error, payment: { status: 'capturing' } } });
    await fixture.setFaults(NO_FAULTS);
    expect(paymentOf(await fixture.payments.useCases.capturePayment(authorized.orderId))).toMatchObject({ status: 'captured', attempts: 3 });
    expect(await fixture.authorizationsOf(authorized)).toEqual([expect.objectContaining({ captureRequests: 1, captures: 1 })]);
  });

  it('leaves a void it interrupts in place, and the next void finishes it once', async () => {
    const authorized = paymentOf(await fixture.authorize());
    await fixture.setFaults({ outage: true });
    expect(await fixture.payments.useCases.voidPayment(authorized.orderId)).toMatchObject({ ...unavailable, error: { ...unavailable.error, payment: { status: 'voiding' } } });
    await fixture.setFaults(NO_FAULTS);
    expect(paymentOf(await fixture.payments.useCases.voidPayment(authorized.orderId))).toMatchObject({ status: 'voided' });
    expect(await fixture.authorizationsOf(authorized)).toEqual([expect.objectContaining({ voidRequests: 1, voids: 1 })]);
  });
});
