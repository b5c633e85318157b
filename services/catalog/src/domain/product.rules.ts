import { AppError, type FieldError, fail, ok, PlatformErrors, type Result } from '@bazaar/platform/errors';
import { ProductLimits as L, TextPatterns } from '../contract/catalog.limits.ts';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const KEY = new RegExp(L.attributeKeyPattern);
const TEXT = new RegExp(TextPatterns.multiLine, 'u');

/** True for an ISO 4217 code of a currency in use (as the runtime's ICU data knows them). */
export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

/** Why a price is refused, or nothing: whole minor units within bounds, in a real currency. */
export function priceProblems(price: { readonly priceMinor?: unknown; readonly currency?: unknown }, at = 'body'): FieldError[] {
  const problems: FieldError[] = [];
  if (price.priceMinor !== undefined) {
    const minor = price.priceMinor;
    if (typeof minor !== 'number' || !Number.isInteger(minor)) {
      problems.push({ path: `${at}.priceMinor`, message: 'must be a whole number of minor units' });
    } else if (minor < 0 || minor > L.priceMaxMinor) {
      problems.push({ path: `${at}.priceMinor`, message: `must be between 0 and ${L.priceMaxMinor}` });
    }
  }
  if (price.currency !== undefined && (typeof price.currency !== 'string' || !isKnownCurrency(price.currency))) {
    problems.push({ path: `${at}.currency`, message: 'must be an ISO 4217 currency code in use, such as USD' });
  }
  return problems;
}

function isText(value: unknown, maxLength: number): boolean {
  return typeof value === 'string' && [...value].length <= maxLength && TEXT.test(value);
}

function valueProblem(value: unknown): string | undefined {
  if (typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'must be a finite number';
  if (typeof value === 'string') {
    return isText(value, L.attributeStringMaxLength) ? undefined : `must be text of at most ${L.attributeStringMaxLength} characters`;
  }
  if (Array.isArray(value)) {
    if (value.length > L.attributeListMaxItems) return `must list at most ${L.attributeListMaxItems} items`;
    const fits = value.every((item) => isText(item, L.attributeListItemMaxLength));
    return fits ? undefined : `must list texts of at most ${L.attributeListItemMaxLength} characters`;
  }
  return 'must be text, a number, true or false, or a list of texts';
}

/**
 * Why an attribute set is refused, or nothing. Attributes are free-form but bounded: a flat object of
 * named values, few enough and small enough that no product can carry a payload instead of facts.
 */
export function attributeProblems(attributes: unknown, at = 'body.attributes'): FieldError[] {
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
    return [{ path: at, message: 'must be an object' }];
  }
  const entries = Object.entries(attributes);
  if (entries.length > L.attributeMaxCount) return [{ path: at, message: `must have at most ${L.attributeMaxCount} attributes` }];
  const problems: FieldError[] = [];
  for (const [key, value] of entries) {
    if (!KEY.test(key)) {
      problems.push({ path: `${at}.${key}`, message: 'must be a name of letters, digits and underscores, starting with a letter' });
      continue;
    }
    const problem = valueProblem(value);
    if (problem) problems.push({ path: `${at}.${key}`, message: problem });
  }
  if (problems.length === 0 && Buffer.byteLength(JSON.stringify(attributes)) > L.attributesMaxBytes) {
    problems.push({ path: at, message: `must take at most ${L.attributesMaxBytes} bytes as JSON` });
  }
  return problems;
}

/** Checks the fields of a new or edited product that its schema cannot; absent fields are not checked. */
export function checkProductFields(fields: {
  readonly priceMinor?: unknown;
  readonly currency?: unknown;
  readonly attributes?: unknown;
}): Result<void, AppError> {
  const problems = [...priceProblems(fields)];
  if (fields.attributes !== undefined) problems.push(...attributeProblems(fields.attributes));
  if (problems.length === 0) return ok(undefined);
  return fail(new AppError(PlatformErrors.VALIDATION, problems.map((p) => `${p.path} ${p.message}`).join('; '), { errors: problems }));
}
