import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { IdentityErrors } from '../contract/identity.errors.ts';

/** A normalized e-mail address: the form stored, compared and made unique. */
export interface EmailAddress {
  readonly address: string;
  readonly localPart: string;
}

const LOCAL_PART = /^[^\s@\p{Cc}]{1,64}$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const MAX_ADDRESS_LENGTH = 254;

/**
 * The canonical form of an e-mail address. NFKC folds look-alike code points (full-width letters, ligatures)
 * so that two spellings a person cannot tell apart name one account; lower-casing the local part too is a
 * deliberate trade-off, since almost no mail host treats it as case-sensitive.
 */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** Normalizes and checks an address given at registration. */
export function parseEmail(raw: string): Result<EmailAddress, AppError> {
  const address = normalizeEmail(raw);
  const at = address.lastIndexOf('@');
  const localPart = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  const valid =
    at > 0 &&
    address.length <= MAX_ADDRESS_LENGTH &&
    LOCAL_PART.test(localPart) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label));
  if (!valid) {
    return fail(
      new AppError(IdentityErrors.INVALID_EMAIL, undefined, {
        errors: [{ path: 'body.email', message: 'must be an e-mail address such as name@example.com' }],
      }),
    );
  }
  return ok({ address, localPart });
}
