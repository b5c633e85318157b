import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { isId } from '@bazaar/platform/ids';
import { PaymentsErrors } from '../contract/payments.errors.ts';
import type { PaymentRecord } from '../domain/payment.model.ts';
import type { PaymentsDeps } from './payments.deps.ts';

/** The payment of an order; an id of the wrong shape cannot name an order, so it is not found without a query. */
export async function findPayment(deps: PaymentsDeps, orderId: string): Promise<Result<PaymentRecord, AppError>> {
  if (typeof orderId !== 'string' || !isId('ord', orderId)) return fail(new AppError(PaymentsErrors.PAYMENT_NOT_FOUND));
  const record = await deps.payments.findByOrderId(orderId);
  return record ? ok(record) : fail(new AppError(PaymentsErrors.PAYMENT_NOT_FOUND));
}

/** The payment as it is now, after a conditional change found it had moved on; payments are never deleted. */
export async function reread(deps: PaymentsDeps, record: PaymentRecord): Promise<PaymentRecord> {
  const current = await deps.payments.findByOrderId(record.orderId);
  if (!current) throw new Error(`Payment ${record.id} disappeared`);
  return current;
}
