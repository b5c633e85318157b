import { describe, expect, it } from 'vitest';
import { refreshVerdict } from '../src/domain/refresh-token.policy.ts';
import { CLOCK_SKEW_SECONDS, retirableKeys } from '../src/domain/signing-key.policy.ts';

const now = new Date('2030-01-01T12:00:00Z');
const later = new Date('2030-01-31T12:00:00Z');

describe('presenting a refresh token', () => {
  it('is valid for an unused, unrevoked, unexpired token', () => {
    expect(refreshVerdict({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('valid');
  });

  it('is a reuse when the token was already exchanged', () => {
    expect(refreshVerdict({ usedAt: now, revokedAt: null, expiresAt: later }, now)).toBe('reused');
  });

  it('is rejected for an unknown, revoked or expired token', () => {
    expect(refreshVerdict(undefined, now)).toBe('rejected');
    expect(refreshVerdict({ usedAt: now, revokedAt: now, expiresAt: later }, now)).toBe('rejected');
    expect(refreshVerdict({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('rejected');
  });
});

describe('retiring signing keys', () => {
  const ttl = 900;
  const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

  it('never retires the active key', () => {
    expect(retirableKeys([{ kid: 'active', supersededAt: null }], now, ttl)).toEqual([]);
  });

  it('keeps a superseded key while tokens it signed may still be unexpired', () => {
    expect(retirableKeys([{ kid: 'recent', supersededAt: secondsAgo(ttl + CLOCK_SKEW_SECONDS - 1) }], now, ttl)).toEqual([]);
  });

  it('retires a key superseded longer ago than a token lives, plus clock skew', () => {
    const keys = [
      { kid: 'old', supersededAt: secondsAgo(ttl + CLOCK_SKEW_SECONDS + 1) },
      { kid: 'recent', supersededAt: secondsAgo(10) },
      { kid: 'active', supersededAt: null },
    ];
    expect(retirableKeys(keys, now, ttl)).toEqual(['old']);
  });
});
