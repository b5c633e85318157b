import { AppError, fail, PlatformErrors } from '@bazaar/platform/errors';
import { newId } from '@bazaar/platform/ids';
import { PaymentsErrors } from '../contract/payments.errors.ts';
import type { AuthorizePayment } from '../contract/payment.schemas.ts';
import { authorizeProblems } from '../domain/payment-input.rules.ts';
import { operationKey, type PaymentRecord } from '../domain/payment.model.ts';
import { authorizeStep } from '../domain/payment.rules.ts';
import { reread } from './find-payment.ts';
import { type PaymentAttempt, type Recorded, settle } from './payment.attempt.ts';
import { answer, PaymentFailure, type PaymentResult } from './payment.failure.ts';
import type { PaymentsDeps } from './payments.deps.ts';
import type { AuthorizeOutcome } from './provider.gateway.ts';

const sameTerms = (record: PaymentRecord, input: AuthorizePayment) =>
  record.amountMinor === input.amountMinor && record.currency === input.currency && record.customerId === input.customerId;

/** The answer for a payment whose authorization is settled; one still being sent is "not now" to this caller. */
function settled(record: PaymentRecord): PaymentResult {
  const step = authorizeStep(record.status);
  if (step === 'done') return answer(record);
  if (typeof step === 'string') return answer(record, PaymentsErrors.PROVIDER_UNAVAILABLE);
  return answer(record, step);
}

/** How an authorization treats a provider it cannot reach. */
export interface AuthorizeOptions {
  /**
   * Until this moment (epoch ms) an unreachable provider leaves the payment pending, to be sent again with the
   * same key, and the answer is PAYMENTS.PROVIDER_UNAVAILABLE on a pending payment; after it (or without it) the
   * payment is recorded failed.
   */
  readonly retryUntil?: number;
}

/** What an authorization's outcome leaves to record; an outage within `retryUntil` records nothing. */
function outcomeOf(deps: PaymentsDeps, record: PaymentRecord, outcome: AuthorizeOutcome, options: AuthorizeOptions): PaymentAttempt {
  if (outcome.kind === 'unavailable' && options.retryUntil !== undefined && Date.now() < options.retryUntil) {
    deps.logger.warn({ paymentId: record.id, orderId: record.orderId, reason: outcome.reason }, 'payment provider unavailable; the authorization stays pending');
    return { answered: answer(record, PaymentsErrors.PROVIDER_UNAVAILABLE) };
  }
  return { record: (payments) => recordOutcome({ ...deps, payments }, record, outcome) };
}

async function recordOutcome(deps: PaymentsDeps, record: PaymentRecord, outcome: AuthorizeOutcome): Promise<Recorded> {
  const { payments } = deps;
  let moved: PaymentRecord | undefined;
  if (outcome.kind === 'approved') {
    moved = await payments.transition(record.id, ['pending'], 'authorized', { provider_authorization_id: outcome.authorizationId }, { stamp: 'authorized_at' });
  } else if (outcome.kind === 'declined') {
    moved = await payments.transition(record.id, ['pending'], 'declined', { provider_authorization_id: outcome.authorizationId, decline_code: outcome.declineCode });
  } else {
    deps.logger.warn({ paymentId: record.id, orderId: record.orderId, reason: outcome.reason }, 'payment provider unavailable for an authorization');
    moved = await payments.transition(record.id, ['pending'], 'failed', { failure_code: PaymentsErrors.PROVIDER_UNAVAILABLE.code });
  }
  if (moved) return { result: settled(moved) };

  // Another call settled the payment first (its outcome stands), or the order was voided while this call waited.
  const current = await reread(deps, record);
  if (outcome.kind !== 'approved' || (current.status !== 'voiding' && current.status !== 'voided')) return { result: settled(current) };
  return {
    result: settled(current),
    async afterwards() {
      const released = await deps.provider.void(outcome.authorizationId, operationKey(record.id, 'void'));
      if (released.kind === 'unavailable') {
        deps.logger.error({ paymentId: record.id, authorizationId: outcome.authorizationId }, 'an authorization made after its payment was voided is still held');
      }
    },
  };
}

/**
 * Authorizes an order's payment once. The payment row is the recorded intent (status `pending`, with the
 * provider-side key fixed), committed before the provider is called outside any transaction; the outcome is
 * left for the caller to record (see PaymentAttempt).
 * Calling again for the order repeats the settled outcome, or resends a pending intent with the same key, so
 * however often (or concurrently) it is called, the provider makes at most one authorization.
 * Fails with PAYMENTS.DECLINED, PAYMENTS.PROVIDER_UNAVAILABLE, PAYMENTS.VOIDED or PAYMENTS.TERMS_CHANGED.
 */
export async function attemptAuthorization(deps: PaymentsDeps, input: AuthorizePayment, options: AuthorizeOptions = {}): Promise<PaymentAttempt> {
  const problems = authorizeProblems(input);
  if (problems.length > 0) {
    return { answered: fail(new AppError(PlatformErrors.VALIDATION, problems.map((p) => `${p.path} ${p.message}`).join('; '), { errors: problems })) };
  }
  const id = newId('pay');
  let record = await deps.payments.insert({
    id,
    orderId: input.orderId,
    customerId: input.customerId,
    amountMinor: input.amountMinor,
    currency: input.currency,
    status: 'pending',
    authorizeKey: operationKey(id, 'authorize'),
    attempts: 1,
  });
  if (!record) {
    const existing = await deps.payments.findByOrderId(input.orderId);
    if (!existing) throw new Error(`Order ${input.orderId} has a payment that cannot be read`);
    if (existing.customerId !== null && !sameTerms(existing, input)) return { answered: answer(existing, PaymentsErrors.TERMS_CHANGED) };
    if (authorizeStep(existing.status) !== 'send') return { answered: settled(existing) };
    record = await deps.payments.transition(existing.id, ['pending'], 'pending', {}, { attempt: true });
    if (!record) return { answered: settled(await reread(deps, existing)) };
  }
  const outcome = await deps.provider.authorize({
    amountMinor: record.amountMinor,
    currency: record.currency,
    token: input.paymentToken,
    idempotencyKey: record.authorizeKey,
  });
  return outcomeOf(deps, record, outcome, options);
}

/** Authorizes an order's payment (see attemptAuthorization) and records the outcome on its own. */
export async function authorizePayment(deps: PaymentsDeps, input: AuthorizePayment, options: AuthorizeOptions = {}): Promise<PaymentResult> {
  return settle(await attemptAuthorization(deps, input, options), deps.payments);
}

/** True when an authorization is still pending because the provider could not be reached: worth sending again. */
export function awaitsProvider(result: PaymentResult): boolean {
  return !result.ok && result.error instanceof PaymentFailure && result.error.payment.status === 'pending';
}
