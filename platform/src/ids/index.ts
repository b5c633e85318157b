import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

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
