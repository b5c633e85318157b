import { isId } from '@bazaar/platform/ids';
import { ProductLimits, TextPatterns } from '../contract/catalog.limits.ts';

/**
 * Where a page ended, in the terms of its order: the sort key of the last item and its id, which breaks
 * ties. The next page starts strictly after it (keyset pagination), so rows inserted meanwhile never shift
 * a page and no row is read twice. `newest` needs only the id: ids are time-ordered ULIDs.
 */
export type PageKey =
  | { readonly sort: 'newest'; readonly id: string }
  | { readonly sort: 'price_asc' | 'price_desc'; readonly priceMinor: number; readonly id: string }
  | { readonly sort: 'name'; readonly name: string; readonly id: string }
  /** The rank as PostgreSQL printed it (a rounded numeric), so it compares exactly. */
  | { readonly sort: 'relevance'; readonly rank: string; readonly id: string };

/** The sorts a key can be made for: `relevance` without a query is served as `newest`. */
export type EffectiveSort = PageKey['sort'];

const FORMAT = 1;
const RANK = /^\d{1,9}(\.\d{1,6})?$/;
const NAME = new RegExp(TextPatterns.singleLine, 'u');

/** The opaque cursor handed to clients: base64url of a small versioned JSON array. */
export function encodeCursor(key: PageKey): string {
  const parts: unknown[] = [FORMAT, key.sort];
  if (key.sort === 'price_asc' || key.sort === 'price_desc') parts.push(key.priceMinor);
  else if (key.sort === 'name') parts.push(key.name);
  else if (key.sort === 'relevance') parts.push(key.rank);
  parts.push(key.id);
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Reads a cursor back, or returns undefined when it is not one this service made for `sort`: cursors come
 * from clients, so every field is checked before it reaches a query.
 */
export function decodeCursor(raw: string, sort: EffectiveSort): PageKey | undefined {
  if (raw.length === 0 || raw.length > ProductLimits.cursorMaxLength || !/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  const parts = parse(raw);
  if (!Array.isArray(parts) || parts[0] !== FORMAT || parts[1] !== sort) return undefined;
  const id = parts.at(-1);
  if (typeof id !== 'string' || !isId('prd', id)) return undefined;
  switch (sort) {
    case 'newest':
      return parts.length === 3 ? { sort, id } : undefined;
    case 'price_asc':
    case 'price_desc': {
      const price = parts[2];
      const valid = parts.length === 4 && Number.isSafeInteger(price) && (price as number) >= 0 && (price as number) <= ProductLimits.priceMaxMinor;
      return valid ? { sort, priceMinor: price as number, id } : undefined;
    }
    case 'name': {
      const name = parts[2];
      const valid = parts.length === 4 && typeof name === 'string' && [...name].length <= ProductLimits.nameMaxLength && NAME.test(name);
      return valid ? { sort, name, id } : undefined;
    }
    case 'relevance': {
      const rank = parts[2];
      return parts.length === 4 && typeof rank === 'string' && RANK.test(rank) ? { sort, rank, id } : undefined;
    }
  }
}
