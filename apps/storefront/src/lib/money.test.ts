import { describe, expect, it } from 'vitest';
import { formatMoney, minorUnitsPerMajor, parseMajorAmount, toMajorText } from './money.ts';

describe('money', () => {
  it('formats integer minor units in the currency of the price', () => {
    expect(formatMoney(1999, 'USD', 'en-US')).toBe('$19.99');
    expect(formatMoney(1999, 'EUR', 'de-DE')).toBe('19,99\u00a0€');
  });

  it('knows currencies without (or with more) minor units', () => {
    expect(minorUnitsPerMajor('JPY')).toBe(1);
    expect(formatMoney(1999, 'JPY', 'en-US')).toBe('¥1,999');
    expect(minorUnitsPerMajor('KWD')).toBe(1000);
  });

  it('reads an amount typed in major units as minor units, without floating-point drift', () => {
    expect(parseMajorAmount('19.99', 'USD')).toBe(1999);
    expect(parseMajorAmount(' 0.29 ', 'USD')).toBe(29);
    expect(parseMajorAmount('25', 'JPY')).toBe(25);
  });

  it('refuses text that is not an amount', () => {
    expect(parseMajorAmount('', 'USD')).toBeUndefined();
    expect(parseMajorAmount('-5', 'USD')).toBeUndefined();
    expect(parseMajorAmount('1e3', 'USD')).toBeUndefined();
    expect(parseMajorAmount('twelve', 'USD')).toBeUndefined();
  });

  it('writes minor units back as the text an input holds', () => {
    expect(toMajorText(14099, 'USD')).toBe('140.99');
    expect(toMajorText(500, 'JPY')).toBe('500');
  });
});
