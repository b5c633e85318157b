import { describe, expect, it } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import { afterFailure } from '../src/domain/email-retry.policy.ts';
import { decodeInboxCursor, encodeInboxCursor } from '../src/domain/inbox-cursor.codec.ts';
import { composeOrderCancelled, formatMoney } from '../src/domain/notification.composer.ts';

describe('notification wording', () => {
  it('shows amounts in the precision of their currency', () => {
    expect(formatMoney(12_345, 'EUR')).toBe('€123.45');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
    // Intl puts a no-break space between a currency code and the amount.
    expect(formatMoney(1_000, 'KWD')).toMatch(/^KWD\s1\.000$/);
  });

  it('says why an order was cancelled only when a reason is known', () => {
    expect(composeOrderCancelled({ orderId: 'ord_x', totalMinor: 100, currency: 'USD', reason: 'card declined' }).body).toContain('Reason: card declined.');
    expect(composeOrderCancelled({ orderId: 'ord_x', totalMinor: 100, currency: 'USD' }).body).not.toContain('Reason');
  });
});

describe('inbox cursors', () => {
  it('round-trip a notification id', () => {
    const id = newId('ntf');
    expect(decodeInboxCursor(encodeInboxCursor(id))).toBe(id);
  });

  it.each(['', '!!!', Buffer.from('[1,"usr_01jd3x0000000000000000000"]').toString('base64url'), Buffer.from('{"id":1}').toString('base64url'), 'x'.repeat(500)])(
    'refuse %j',
    (raw) => expect(decodeInboxCursor(raw)).toBeUndefined(),
  );
});

describe('the e-mail retry policy', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 };

  it('waits longer after each failure, up to the cap, then gives up', () => {
    expect([1, 2, 3].map((attempts) => afterFailure(policy, attempts))).toEqual([
      { giveUp: false, delayMs: 100 },
      { giveUp: false, delayMs: 200 },
      { giveUp: false, delayMs: 250 },
    ]);
    expect(afterFailure(policy, 4)).toEqual({ giveUp: true });
  });
});
