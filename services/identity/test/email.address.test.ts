import { describe, expect, it } from 'vitest';
import { normalizeEmail, parseEmail } from '../src/domain/email.address.ts';

describe('e-mail normalization', () => {
  it('trims surrounding whitespace and lower-cases the whole address', () => {
    expect(normalizeEmail('  Alice.Smith@Example.COM\t')).toBe('alice.smith@example.com');
  });

  it('folds compatibility characters such as full-width letters with NFKC', () => {
    expect(normalizeEmail('ａｌｉｃｅ@ｅｘａｍｐｌｅ.com')).toBe('alice@example.com');
  });

  it('gives the same address for every spelling a person cannot tell apart', () => {
    const spellings = ['bob@example.com', ' BOB@EXAMPLE.COM ', 'Bob@Example.Com', 'ｂｏｂ@example.com'];
    expect(new Set(spellings.map(normalizeEmail))).toEqual(new Set(['bob@example.com']));
  });
});

describe('e-mail parsing', () => {
  it('accepts an ordinary address and returns its normalized form and local part', () => {
    const parsed = parseEmail(' Carol+shop@Mail.Example.org ');
    expect(parsed).toEqual({ ok: true, value: { address: 'carol+shop@mail.example.org', localPart: 'carol+shop' } });
  });

  it('accepts internationalized domain and local parts', () => {
    expect(parseEmail('jürgen@bücher.de').ok).toBe(true);
  });

  it.each([
    ['no at sign', 'alice.example.com'],
    ['an empty local part', '@example.com'],
    ['no top-level domain', 'alice@localhost'],
    ['an empty domain label', 'alice@example..com'],
    ['a label starting with a hyphen', 'alice@-example.com'],
    ['whitespace inside', 'ali ce@example.com'],
    ['a control character', 'ali\u0000ce@example.com'],
    ['a local part over 64 characters', `${'a'.repeat(65)}@example.com`],
    ['an address over 254 characters', `alice@${'abcdefghij'.repeat(6).concat('.').repeat(5)}com`],
  ])('rejects an address with %s, as a field error on body.email', (_case, raw) => {
    const parsed = parseEmail(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('IDENTITY.INVALID_EMAIL');
    expect(parsed.error.errors).toEqual([{ path: 'body.email', message: expect.any(String) }]);
  });
});
