import { describe, expect, it } from 'vitest';
import { splitReason } from './order-details.tsx';

describe('splitReason', () => {
  it("separates the error code from the sentence a shopper reads", () => {
    expect(splitReason('PAYMENTS.PROVIDER_UNAVAILABLE: The payment provider is unavailable')).toEqual({
      text: 'The payment provider is unavailable',
      code: 'PAYMENTS.PROVIDER_UNAVAILABLE',
    });
  });

  it('keeps a reason without a code as it is', () => {
    expect(splitReason('payment declined: card_declined')).toEqual({ text: 'payment declined: card_declined' });
    expect(splitReason(null)).toEqual({ text: 'not given' });
  });
});
