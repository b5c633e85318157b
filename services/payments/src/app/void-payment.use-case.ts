import { AppError, fail } from '@bazaar/platform/errors';
import { isId, newId } from '@bazaar/platform/ids';
import { PaymentsErrors } from '../contract/payments.errors.ts';
import { NO_AMOUNT, operationKey, type PaymentRecord } from '../domain/payment.model.ts';
import { BEGINS_FROM, voidStep } from '../domain/payment.rules.ts';
import { reread } from './find-payment.ts';
import { type PaymentAttempt, settle } from './payment.attempt.ts';
import { answer, type PaymentResult } from './payment.failure.ts';
import type { PaymentsDeps } from './payments.deps.ts';
import type { Unavailable } from './provider.gateway.ts';

/**
 * Records that an order is voided before any authorization, so that an authorize command arriving late
 * (messages can be delayed past the saga's compensation) finds the order voided and authorizes nothing.
 */
async function voidBeforeAuthorization(deps: PaymentsDeps, orderId: string): Promise<PaymentRecord | undefined> {
  const id = newId('pay');
  return deps.payments.insert({
    id,
    orderId,
    customerId: null,
    ...NO_AMOUNT,
    status: 'voided',
    authorizeKey: operationKey(id, 'authorize'),
    voidKey: operationKey(id, 'void'),
    voidedAt: new Date(),
  });
}

function recordIntent(deps: PaymentsDeps, record: PaymentRecord, step: 'begin' | 'send') {
  return step === 'begin'
    ? deps.payments.transition(record.id, BEGINS_FROM.void, 'voiding', { void_key: operationKey(record.id, 'void') }, { attempt: true })
    : deps.payments.transition(record.id, ['voiding'], 'voiding', {}, { attempt: true });
}

/**
 * Releases whatever the provider holds for the payment. Without an authorization id the authorize answer was
 * lost (or never came), so the provider is asked what the payment's authorize key made.
 */
async function releaseHold(deps: PaymentsDeps, record: PaymentRecord, voidKey: string): Promise<{ authorizationId: string | null } | Unavailable> {
  let authorizationId = record.providerAuthorizationId;
  if (authorizationId === null) {
    const lookup = await deps.provider.findByKey(record.authorizeKey);
    if (lookup.kind !== 'found') return lookup.kind === 'none' ? { authorizationId: null } : lookup;
    const { authorization } = lookup;
    if (authorization.status === 'captured') throw new Error(`Payment ${record.id} was never captured, yet its authorization was`);
    if (authorization.status !== 'approved') return { authorizationId: authorization.authorizationId };
    authorizationId = authorization.authorizationId;
  }
  const voided = await deps.provider.void(authorizationId, voidKey);
  return voided.kind === 'unavailable' ? voided : { authorizationId };
}

/**
 * Voids an order's payment (the saga's compensation): the hold is released once, a voided or declined payment
 * is answered as it is, and an order with no payment yet is recorded as voided. A provider that stays
 * unavailable leaves the intent in place for the next call to finish. The void's outcome is left for the
 * caller to record (see PaymentAttempt).
 * Fails with PAYMENTS.PAYMENT_NOT_FOUND (malformed order id), PAYMENTS.NOT_VOIDABLE or PAYMENTS.PROVIDER_UNAVAILABLE.
 */
export async function attemptVoid(deps: PaymentsDeps, orderId: string): Promise<PaymentAttempt> {
  if (typeof orderId !== 'string' || !isId('ord', orderId)) return { answered: fail(new AppError(PaymentsErrors.PAYMENT_NOT_FOUND)) };
  const current = await deps.payments.findByOrderId(orderId);
  if (!current) {
    const tombstone = await voidBeforeAuthorization(deps, orderId);
    // Without a row, an authorization was recorded in the meantime: void it like any other.
    return tombstone ? { answered: answer(tombstone) } : attemptVoid(deps, orderId);
  }
  const step = voidStep(current.status);
  if (step === 'done') return { answered: answer(current) };
  if (typeof step !== 'string') return { answered: answer(current, step) };

  const record = await recordIntent(deps, current, step);
  // The status moved between the read and the update (it only moves forward): decide again on the new one.
  if (!record) return attemptVoid(deps, orderId);
  if (record.voidKey === null) throw new Error(`Payment ${record.id} is voiding without a void key`);

  const released = await releaseHold(deps, record, record.voidKey);
  if ('kind' in released) {
    deps.logger.warn({ paymentId: record.id, orderId, reason: released.reason }, 'payment provider unavailable for a void');
    return { answered: answer(record, PaymentsErrors.PROVIDER_UNAVAILABLE) };
  }
  return {
    async record(payments) {
      const voided = await payments.transition(record.id, ['voiding'], 'voided', { provider_authorization_id: released.authorizationId }, { stamp: 'voided_at' });
      return { result: answer(voided ?? (await reread({ ...deps, payments }, record))) };
    },
  };
}

/** Voids an order's payment (see attemptVoid) and records the outcome on its own. */
export async function voidPayment(deps: PaymentsDeps, orderId: string): Promise<PaymentResult> {
  return settle(await attemptVoid(deps, orderId), deps.payments);
}
