import type { FieldError } from '@bazaar/platform/errors';
import { isId } from '@bazaar/platform/ids';
import type { AuthorizePayment } from '../contract/payment.schemas.ts';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const TOKEN = /^[A-Za-z0-9_-]{1,100}$/;
const MAX_AMOUNT_MINOR = 10_000_000_000;

/**
 * Why an authorization request is refused, or nothing. Use cases are also driven by messages, which are not
 * checked by an HTTP schema, so the rules are enforced here whatever the caller.
 */
export function authorizeProblems(input: AuthorizePayment): FieldError[] {
  const problems: FieldError[] = [];
  if (typeof input.orderId !== 'string' || !isId('ord', input.orderId)) problems.push({ path: 'orderId', message: 'must be an order id (ord_…)' });
  if (typeof input.customerId !== 'string' || !isId('usr', input.customerId)) problems.push({ path: 'customerId', message: 'must be a user id (usr_…)' });
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 1 || input.amountMinor > MAX_AMOUNT_MINOR) {
    problems.push({ path: 'amountMinor', message: `must be a whole number of minor units from 1 to ${MAX_AMOUNT_MINOR}` });
  }
  if (typeof input.currency !== 'string' || !/^[A-Z]{3}$/.test(input.currency) || !CURRENCIES.has(input.currency)) {
    problems.push({ path: 'currency', message: 'must be an ISO 4217 currency code in use, such as USD' });
  }
  if (typeof input.paymentToken !== 'string' || !TOKEN.test(input.paymentToken)) problems.push({ path: 'paymentToken', message: 'must be a card token' });
  return problems;
}
