import { describe, expect, it } from 'vitest';
import { attributeProblems, checkProductFields, isKnownCurrency, priceProblems } from '../src/domain/product.rules.ts';

describe('the price rules', () => {
  it('accept whole minor units from zero to ten billion in a real currency', () => {
    expect(priceProblems({ priceMinor: 0, currency: 'USD' })).toEqual([]);
    expect(priceProblems({ priceMinor: 1999, currency: 'EUR' })).toEqual([]);
    expect(priceProblems({ priceMinor: 10_000_000_000, currency: 'JPY' })).toEqual([]);
  });

  it('refuse fractions of a minor unit, negative prices and prices past the bound', () => {
    expect(priceProblems({ priceMinor: 19.99 })).toEqual([{ path: 'body.priceMinor', message: 'must be a whole number of minor units' }]);
    expect(priceProblems({ priceMinor: -1 })[0]?.path).toBe('body.priceMinor');
    expect(priceProblems({ priceMinor: 10_000_000_001 })[0]?.path).toBe('body.priceMinor');
    expect(priceProblems({ priceMinor: '1999' })[0]?.path).toBe('body.priceMinor');
    expect(priceProblems({ priceMinor: Number.NaN })[0]?.path).toBe('body.priceMinor');
  });

  it('refuse codes that only look like currencies', () => {
    expect(isKnownCurrency('USD')).toBe(true);
    for (const code of ['usd', 'US', 'USDT', 'ZZZ', 'ABC', '']) expect(isKnownCurrency(code)).toBe(false);
    expect(priceProblems({ currency: 'ZZZ' })).toEqual([{ path: 'body.currency', message: 'must be an ISO 4217 currency code in use, such as USD' }]);
  });

  it('check only the fields that are present, as an edit sends them', () => {
    expect(priceProblems({})).toEqual([]);
    expect(priceProblems({ currency: 'GBP' })).toEqual([]);
  });
});

describe('the attribute rules', () => {
  it('accept text, numbers, flags and lists of text', () => {
    expect(attributeProblems({ brand: 'Nordvik', weightGrams: 350.5, vegan: true, sizes: ['S', 'M', 'L'], note: 'Line one\nline two' })).toEqual([]);
    expect(attributeProblems({})).toEqual([]);
  });

  it('refuse anything but a flat object', () => {
    for (const value of [null, [], 'brand', 42]) expect(attributeProblems(value)).toEqual([{ path: 'body.attributes', message: 'must be an object' }]);
  });

  it('refuse nested objects, lists of numbers and null values, naming the attribute', () => {
    expect(attributeProblems({ size: { width: 3 } })[0]?.path).toBe('body.attributes.size');
    expect(attributeProblems({ sizes: [1, 2] })[0]?.path).toBe('body.attributes.sizes');
    expect(attributeProblems({ color: null })[0]?.path).toBe('body.attributes.color');
  });

  it('refuse names that are not plain identifiers', () => {
    for (const key of ['', '1st', 'has space', 'dollar$', 'x'.repeat(41), '__proto']) {
      expect(attributeProblems({ [key]: 'v' })).toHaveLength(1);
    }
  });

  it('refuse text with control characters and text that is too long', () => {
    expect(attributeProblems({ brand: 'Nord\u0000vik' })).toHaveLength(1);
    expect(attributeProblems({ brand: 'x'.repeat(501) })).toHaveLength(1);
    expect(attributeProblems({ brand: 'é'.repeat(500) })).toEqual([]);
    expect(attributeProblems({ sizes: ['x'.repeat(101)] })).toHaveLength(1);
    expect(attributeProblems({ sizes: Array.from({ length: 31 }, () => 'S') })).toHaveLength(1);
  });

  it('bound how many attributes there are and how large they are together', () => {
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`a${i}`, i]));
    expect(attributeProblems(many)).toEqual([{ path: 'body.attributes', message: 'must have at most 30 attributes' }]);
    const heavy = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}`, 'x'.repeat(500)]));
    expect(attributeProblems(heavy)).toEqual([{ path: 'body.attributes', message: 'must take at most 8192 bytes as JSON' }]);
  });
});

describe('checking a product', () => {
  it('reports every broken rule at once as field errors', () => {
    const result = checkProductFields({ priceMinor: -5, currency: 'XYZ', attributes: { 'bad key': 1 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('PLATFORM.VALIDATION');
    expect(result.error.errors?.map((e) => e.path)).toEqual(['body.priceMinor', 'body.currency', 'body.attributes.bad key']);
  });

  it('passes a product that keeps every rule', () => {
    expect(checkProductFields({ priceMinor: 1999, currency: 'USD', attributes: { brand: 'Nordvik' } }).ok).toBe(true);
  });
});
