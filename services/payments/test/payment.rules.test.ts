import { describe, expect, it } from 'vitest';
import type { PaymentStatus } from '@bazaar/payments/contract';
import { authorizeStep, captureStep, voidStep } from '../src/domain/payment.rules.ts';

const STATUSES: PaymentStatus[] = ['pending', 'authorized', 'declined', 'failed', 'capturing', 'captured', 'voiding', 'voided'];
const name = (step: ReturnType<typeof authorizeStep>) => (typeof step === 'string' ? step : step.code);

describe('what each operation does with a payment in each status', () => {
  it('authorize sends only a pending intent and repeats every settled outcome', () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, name(authorizeStep(s))]))).toEqual({
      pending: 'send',
      authorized: 'done',
      declined: 'PAYMENTS.DECLINED',
      failed: 'PAYMENTS.PROVIDER_UNAVAILABLE',
      capturing: 'done',
      captured: 'done',
      voiding: 'PAYMENTS.VOIDED',
      voided: 'PAYMENTS.VOIDED',
    });
  });

  it('capture begins only from authorized, resends an unanswered capture, and never captures twice', () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, name(captureStep(s))]))).toEqual({
      pending: 'PAYMENTS.NOT_CAPTURABLE',
      authorized: 'begin',
      declined: 'PAYMENTS.NOT_CAPTURABLE',
      failed: 'PAYMENTS.NOT_CAPTURABLE',
      capturing: 'send',
      captured: 'done',
      voiding: 'PAYMENTS.NOT_CAPTURABLE',
      voided: 'PAYMENTS.NOT_CAPTURABLE',
    });
  });

  it('void also releases an authorization whose outcome is unknown, and refuses only a captured payment', () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, name(voidStep(s))]))).toEqual({
      pending: 'begin',
      authorized: 'begin',
      declined: 'done',
      failed: 'begin',
      capturing: 'PAYMENTS.NOT_VOIDABLE',
      captured: 'PAYMENTS.NOT_VOIDABLE',
      voiding: 'send',
      voided: 'done',
    });
  });
});
