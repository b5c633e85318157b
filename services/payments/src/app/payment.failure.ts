import { AppError, type ErrorSpec, fail, ok, type Result } from '@bazaar/platform/errors';
import type { Payment } from '../contract/payment.schemas.ts';
import { PaymentsErrors } from '../contract/payments.errors.ts';
import type { PaymentRecord } from '../domain/payment.model.ts';
import { toPaymentView } from './payment.view.ts';

/**
 * An expected failure of an operation on an existing payment, carrying the payment as it stands: what
 * `payment.failed` needs (order id, decline code or failure code) without another read.
 */
export class PaymentFailure extends AppError {
  readonly payment: Payment;

  constructor(spec: ErrorSpec, payment: Payment) {
    super(spec, spec.code === PaymentsErrors.DECLINED.code && payment.declineCode !== undefined ? `${spec.title}: ${payment.declineCode}` : undefined);
    this.name = 'PaymentFailure';
    this.payment = payment;
  }
}

/** What every payment use case returns: the payment, or an expected failure (a PaymentFailure when there is a payment). */
export type PaymentResult = Result<Payment, PaymentFailure | AppError>;

/** The payment when the step says `done`, or the failure the step names. */
export function answer(record: PaymentRecord, refusal?: ErrorSpec): PaymentResult {
  const payment = toPaymentView(record);
  return refusal === undefined ? ok(payment) : fail(new PaymentFailure(refusal, payment));
}
