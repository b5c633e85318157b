import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import { TextPatterns } from '../src/contract/index.ts';
import { decodeCursor, encodeCursor, type PageKey } from '../src/domain/cursor.codec.ts';

const id = newId('prd');
const singleLine = new RegExp(TextPatterns.singleLine, 'u');
const encode = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe('the cursor codec', () => {
  it.each<PageKey>([
    { sort: 'newest', id },
    { sort: 'price_asc', priceMinor: 1999, id },
    { sort: 'price_desc', priceMinor: 0, id },
    { sort: 'name', name: 'Voltaris Wireless Headphones', id },
    { sort: 'relevance', rank: '0.366667', id },
  ])('reads back the $sort key it wrote', (key) => {
    expect(decodeCursor(encodeCursor(key), key.sort)).toEqual(key);
  });

  it('writes opaque, URL-safe text', () => {
    expect(encodeCursor({ sort: 'name', name: 'Quiet "Lamp" / 100% & more', id })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('round-trips any name a product may have', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => singleLine.test(s)), (name) => {
        const key: PageKey = { sort: 'name', name, id };
        expect(decodeCursor(encodeCursor(key), 'name')).toEqual(key);
      }),
    );
  });

  it('refuses a cursor made for another order', () => {
    expect(decodeCursor(encodeCursor({ sort: 'price_asc', priceMinor: 100, id }), 'price_desc')).toBeUndefined();
    expect(decodeCursor(encodeCursor({ sort: 'newest', id }), 'name')).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', 'bm90IGpzb24'],
    ['characters outside base64url', 'abc+/='],
    ['an empty string', ''],
    ['a JSON object instead of a list', encode({ sort: 'newest', id })],
    ['an unknown format version', encode([2, 'newest', id])],
    ['an id of another entity', encode([1, 'newest', newId('cat')])],
    ['an id that is not an id', encode([1, 'newest', "prd_'; DROP TABLE products; --"])],
    ['a price that is not a whole number', encode([1, 'price_asc', 19.99, id])],
    ['a negative price', encode([1, 'price_asc', -1, id])],
    ['a price as text', encode([1, 'price_asc', '1999', id])],
    ['a name with a NUL character', encode([1, 'name', 'Lamp\u0000', id])],
    ['a blank name', encode([1, 'name', '   ', id])],
    ['a rank that is not a number', encode([1, 'relevance', 'NaN', id])],
    ['a rank given as a number', encode([1, 'relevance', 0.5, id])],
    ['extra members', encode([1, 'newest', 'x', id])],
  ])('refuses %s', (_why, raw) => {
    const sort = (() => {
      try {
        const parts = JSON.parse(Buffer.from(raw, 'base64url').toString()) as unknown[];
        return (Array.isArray(parts) && typeof parts[1] === 'string' ? parts[1] : 'newest') as PageKey['sort'];
      } catch {
        return 'newest';
      }
    })();
    expect(decodeCursor(raw, sort)).toBeUndefined();
  });

  it('never throws, whatever text it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom<PageKey['sort']>('newest', 'price_asc', 'price_desc', 'name', 'relevance'), (raw, sort) => {
        expect(() => decodeCursor(raw, sort)).not.toThrow();
        expect(() => decodeCursor(Buffer.from(raw).toString('base64url'), sort)).not.toThrow();
      }),
    );
  });
});
