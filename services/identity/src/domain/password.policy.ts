import { AppError, type FieldError, fail, ok, type Result } from '@bazaar/platform/errors';
import { IdentityErrors } from '../contract/identity.errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.list.ts';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** A shorter local part (`al@…`) would forbid too many innocent passwords to be worth checking. */
const MIN_LOCAL_PART_TO_CHECK = 3;

/**
 * Why a password is refused, or none. Length is counted in code points, the unit a person types; the
 * rules follow NIST SP 800-63B: length and a block list, no composition rules.
 */
export function passwordProblems(password: string, emailLocalPart: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  const folded = password.normalize('NFKC').toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) problems.push('is one of the most common passwords');
  if (length > 0 && new Set(folded).size === 1) problems.push('must not repeat a single character');
  const local = emailLocalPart.normalize('NFKC').toLowerCase();
  if (local.length >= MIN_LOCAL_PART_TO_CHECK && folded.includes(local)) problems.push('must not contain your e-mail address');
  return problems;
}

/** Checks a new password against the policy; the failure lists every broken rule as a field error. */
export function checkPassword(password: string, emailLocalPart: string): Result<void, AppError> {
  const problems = passwordProblems(password, emailLocalPart);
  if (problems.length === 0) return ok(undefined);
  const errors: FieldError[] = problems.map((message) => ({ path: 'body.password', message }));
  return fail(new AppError(IdentityErrors.WEAK_PASSWORD, undefined, { errors }));
}
