import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { idPattern, isId, newId } from '@bazaar/platform/ids';

describe('newId', () => {
  it('starts with the prefix that names the entity', () => {
    expect(newId('ord')).toMatch(/^ord_[0-9a-z]{26}$/);
  });

  it('makes ids that sort in the order they were made, within one millisecond too', () => {
    const ids = Array.from({ length: 1000 }, () => newId('usr'));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('draws fresh randomness for each new millisecond, past a refill of its random pool', async () => {
    // Each millisecond's first id draws 16 random bytes; 300 of them run through the 4 KiB pool once.
    const randomParts: string[] = [];
    for (let i = 0; i < 300; i++) {
      randomParts.push(newId('ord').slice(-16));
      await sleep(1);
    }
    expect(new Set(randomParts).size).toBe(randomParts.length);
    expect(new Set(randomParts.join('')).size).toBe(32);
  });

  it('makes a later id sort after an earlier one', async () => {
    const earlier = newId('ord');
    await sleep(5);
    const later = newId('ord');
    expect(earlier < later).toBe(true);
  });
});

describe('isId', () => {
  it('accepts an id made with the same prefix', () => {
    expect(isId('usr', newId('usr'))).toBe(true);
  });

  it('rejects an id of another entity, a truncated id and an id with extra text', () => {
    const id = newId('usr');
    expect(isId('ord', id)).toBe(false);
    expect(isId('usr', id.slice(0, -1))).toBe(false);
    expect(isId('usr', `${id}x`)).toBe(false);
    expect(isId('usr', ` ${id}`)).toBe(false);
  });

  it('rejects letters that Crockford base32 leaves out and upper case', () => {
    const body = newId('usr').slice(4);
    expect(isId('usr', `usr_${body.slice(0, -1)}u`)).toBe(false);
    expect(isId('usr', `usr_${body.toUpperCase()}`)).toBe(false);
  });

  it('agrees with the pattern used in route schemas', () => {
    expect(new RegExp(idPattern('sku')).test(newId('sku'))).toBe(true);
    expect(new RegExp(idPattern('sku')).test(newId('prd'))).toBe(false);
  });
});
