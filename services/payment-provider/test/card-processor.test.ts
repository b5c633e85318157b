import { describe, expect, it } from 'vitest';
import { verdictFor } from '../src/domain/card-verdict.ts';
import { createCardProcessor } from '../src/domain/card-processor.ts';

const approve = () => ({ approved: true as const });

function processor(maxAuthorizations = 100) {
  let n = 0;
  return createCardProcessor({ maxAuthorizations, newId: () => `auth_${++n}` });
}

describe('the card verdict', () => {
  it('always declines tok_chargeDeclined, even with no decline rate', () => {
    expect(verdictFor('tok_chargeDeclined', 0, () => 0.99)).toEqual({ approved: false, declineCode: 'card_declined' });
  });

  it('declines tok_visa only when the dice fall below the decline rate', () => {
    expect(verdictFor('tok_visa', 0.3, () => 0.29)).toEqual({ approved: false, declineCode: 'insufficient_funds' });
    expect(verdictFor('tok_visa', 0.3, () => 0.3)).toEqual({ approved: true });
    expect(verdictFor('tok_visa', 0, () => 0)).toEqual({ approved: true });
  });

  it('knows no other token', () => {
    expect(verdictFor('tok_amex', 0, Math.random)).toBeUndefined();
  });
});

describe('the card processor', () => {
  it('asks for a verdict only for a new key', () => {
    const cards = processor();
    let asked = 0;
    const verdict = () => (asked++, { approved: true as const });
    const request = { amountMinor: 100, currency: 'USD', token: 'tok_visa', idempotencyKey: 'k1' };
    cards.authorize(request, verdict);
    cards.authorize(request, verdict);
    expect(asked).toBe(1);
    expect(cards.counters()).toMatchObject({ authorizeRequests: 2, authorizations: 1, approved: 1 });
  });

  it('forgets the oldest authorizations beyond its bound', () => {
    const cards = processor(2);
    for (const key of ['k1', 'k2', 'k3']) cards.authorize({ amountMinor: 1, currency: 'USD', token: 'tok_visa', idempotencyKey: key }, approve);
    expect(cards.findByKey('k1')).toBeUndefined();
    expect(cards.findByKey('k3')).toMatchObject({ id: 'auth_3' });
    expect(cards.capture('auth_1')).toMatchObject({ ok: false, error: { code: 'PAYMENT_PROVIDER.AUTHORIZATION_NOT_FOUND' } });
    expect(cards.counters().authorizations).toBe(3);
  });

  it('captures at most once and voids at most once', () => {
    const cards = processor();
    cards.authorize({ amountMinor: 500, currency: 'USD', token: 'tok_visa', idempotencyKey: 'a' }, approve);
    cards.authorize({ amountMinor: 500, currency: 'USD', token: 'tok_visa', idempotencyKey: 'b' }, approve);
    cards.capture('auth_1');
    cards.capture('auth_1');
    cards.void('auth_2');
    cards.void('auth_2');
    expect(cards.counters()).toMatchObject({ captureRequests: 2, captures: 1, voidRequests: 2, voids: 1 });
    expect(cards.void('auth_1')).toMatchObject({ ok: false, error: { code: 'PAYMENT_PROVIDER.NOT_VOIDABLE' } });
  });
});
