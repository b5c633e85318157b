import { describe, expect, it } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import { encodeCursor } from '../src/domain/cursor.codec.ts';
import { effectiveSort, planListing } from '../src/domain/listing.policy.ts';

describe('the listing policy', () => {
  it('orders a search by relevance and everything else by newest, unless told otherwise', () => {
    expect(effectiveSort(undefined, 'lamp')).toBe('relevance');
    expect(effectiveSort(undefined, undefined)).toBe('newest');
    expect(effectiveSort('price_asc', 'lamp')).toBe('price_asc');
  });

  it('serves relevance without a search as newest, since every rank would tie', () => {
    expect(effectiveSort('relevance', undefined)).toBe('newest');
  });

  it('treats blank search text as no search and collapses white space', () => {
    const blank = planListing({ q: '  \t ' });
    expect(blank.ok && blank.value.search).toBeUndefined();
    const spaced = planListing({ q: '  wireless \n  headphones ' });
    expect(spaced.ok && spaced.value.search).toBe('wireless headphones');
  });

  it('refuses a price range that is upside down', () => {
    const result = planListing({ minPrice: 500, maxPrice: 100 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.errors).toEqual([{ path: 'querystring.minPrice', message: 'must not be above maxPrice' }]);
  });

  it('reads the cursor for the order it will serve', () => {
    const id = newId('prd');
    const result = planListing({ q: 'lamp', cursor: encodeCursor({ sort: 'relevance', rank: '0.1', id }) });
    expect(result.ok && result.value.after).toEqual({ sort: 'relevance', rank: '0.1', id });
  });

  it('refuses a cursor from another order as CATALOG.INVALID_CURSOR', () => {
    const result = planListing({ sort: 'name', cursor: encodeCursor({ sort: 'newest', id: newId('prd') }) });
    expect(!result.ok && result.error.code).toBe('CATALOG.INVALID_CURSOR');
  });

  it('pages 24 products by default', () => {
    const result = planListing({});
    expect(result.ok && result.value.limit).toBe(24);
  });
});
