import { PaymentsErrors } from '../contract/payments.errors.ts';
import { operationKey, type PaymentRecord } from '../domain/payment.model.ts';
import { BEGINS_FROM, captureStep } from '../domain/payment.rules.ts';
import { findPayment, reread } from './find-payment.ts';
import { type PaymentAttempt, settle } from './payment.attempt.ts';
import { answer, type PaymentResult } from './payment.failure.ts';
import type { PaymentsDeps } from './payments.deps.ts';

/** Records the capture intent (or counts a resend of it); undefined when the payment moved on meanwhile. */
function recordIntent(deps: PaymentsDeps, record: PaymentRecord, step: 'begin' | 'send') {
  return step === 'begin'
    ? deps.payments.transition(record.id, BEGINS_FROM.capture, 'capturing', { capture_key: operationKey(record.id, 'capture') }, { attempt: true })
    : deps.payments.transition(record.id, ['capturing'], 'capturing', {}, { attempt: true });
}

/**
 * Captures an order's authorized payment once: a captured payment is answered again without calling the
 * provider; a capture whose answer was lost (`capturing`) is resent, which the provider answers with the same
 * capture. A provider that stays unavailable leaves the intent in place for the next call to finish. The
 * capture's outcome is left for the caller to record (see PaymentAttempt).
 * Fails with PAYMENTS.PAYMENT_NOT_FOUND, PAYMENTS.NOT_CAPTURABLE or PAYMENTS.PROVIDER_UNAVAILABLE.
 */
export async function attemptCapture(deps: PaymentsDeps, orderId: string): Promise<PaymentAttempt> {
  const found = await findPayment(deps, orderId);
  if (!found.ok) return { answered: found };
  const step = captureStep(found.value.status);
  if (step === 'done') return { answered: answer(found.value) };
  if (typeof step !== 'string') return { answered: answer(found.value, step) };

  const record = await recordIntent(deps, found.value, step);
  // The status moved between the read and the update (it only moves forward): decide again on the new one.
  if (!record) return attemptCapture(deps, orderId);
  if (record.providerAuthorizationId === null || record.captureKey === null) throw new Error(`Payment ${record.id} is capturing without an authorization`);

  const outcome = await deps.provider.capture(record.providerAuthorizationId, record.captureKey);
  if (outcome.kind === 'unavailable') {
    deps.logger.warn({ paymentId: record.id, orderId, reason: outcome.reason }, 'payment provider unavailable for a capture');
    return { answered: answer(record, PaymentsErrors.PROVIDER_UNAVAILABLE) };
  }
  return {
    async record(payments) {
      const captured = await payments.transition(record.id, ['capturing'], 'captured', {}, { stamp: 'captured_at' });
      return { result: answer(captured ?? (await reread({ ...deps, payments }, record))) };
    },
  };
}

/** Captures an order's payment (see attemptCapture) and records the outcome on its own. */
export async function capturePayment(deps: PaymentsDeps, orderId: string): Promise<PaymentResult> {
  return settle(await attemptCapture(deps, orderId), deps.payments);
}
