import type { Role } from '../contract/auth.schemas.ts';

/** An account as identity keeps it. */
export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly roles: readonly Role[];
  readonly createdAt: Date;
}

/** Every new account is a customer; admin is granted only by `ensureAdmin`. */
export const NEW_USER_ROLES: readonly Role[] = ['customer'];
export const ADMIN_ROLES: readonly Role[] = ['customer', 'admin'];

/** The display name as stored: composed (NFC) so that equal-looking names are equal strings, trimmed. */
export function normalizeName(raw: string): string {
  return raw.normalize('NFC').trim();
}
