import { getRandomValues } from 'node:crypto';
import { monotonicFactory } from 'ulid';

// ulid draws one byte per character through a separate call to the system's generator; drawing them from a
// refilled buffer of the same cryptographic bytes costs one call per 4 KiB instead.
const pool = new Uint8Array(4096);
let drawn = pool.length;
function pooledRandom(): number {
  if (drawn === pool.length) {
    getRandomValues(pool);
    drawn = 0;
  }
  return pool[drawn++]! / 256;
}

const nextUlid = monotonicFactory(pooledRandom);

/** A prefixed, time-sortable id such as `usr_01JD3X…`; the prefix names the entity. */
export function newId(prefix: string): string {
  return `${prefix}_${nextUlid().toLowerCase()}`;
}

/** True when `value` looks like an id made by `newId(prefix)`. */
export function isId(prefix: string, value: string): boolean {
  return new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}

/** The JSON-schema pattern of an id with this prefix, for route schemas. */
export const idPattern = (prefix: string): string => `^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`;
