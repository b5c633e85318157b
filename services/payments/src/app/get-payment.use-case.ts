import type { Principal } from '@bazaar/platform/auth';
import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { PaymentsErrors } from '../contract/payments.errors.ts';
import type { Payment } from '../contract/payment.schemas.ts';
import { findPayment } from './find-payment.ts';
import type { PaymentsDeps } from './payments.deps.ts';
import { toPaymentView } from './payment.view.ts';

/** An order's payment: administrators see every one; a customer sees their own, and another's is not found. */
export async function getPayment(deps: PaymentsDeps, principal: Principal, orderId: string): Promise<Result<Payment, AppError>> {
  const found = await findPayment(deps, orderId);
  if (!found.ok) return found;
  const mine = found.value.customerId === principal.userId;
  if (!mine && !principal.roles.includes('admin')) return fail(new AppError(PaymentsErrors.PAYMENT_NOT_FOUND));
  return ok(toPaymentView(found.value));
}
