import type { PaymentRepository } from '../store/payment.repository.ts';
import type { PaymentResult } from './payment.failure.ts';

/** An outcome written down, and provider work that must wait until that write has committed. */
export interface Recorded {
  readonly result: PaymentResult;
  /** Due once the record commits, outside any transaction (it calls the provider). */
  readonly afterwards?: () => Promise<void>;
}

/**
 * Where an operation stands after its provider call: answered already (nothing was sent, or nothing is left to
 * write), or an outcome still to record. The caller picks the transaction it is recorded in: the saga's
 * consumers record it in the one that writes the reply, so outcome and reply commit together.
 */
export type PaymentAttempt = { readonly answered: PaymentResult } | { record(payments: PaymentRepository): Promise<Recorded> };

/** The attempt's answer, recording its outcome on its own first: for callers with no transaction to record in. */
export async function settle(attempt: PaymentAttempt, payments: PaymentRepository): Promise<PaymentResult> {
  if ('answered' in attempt) return attempt.answered;
  const { result, afterwards } = await attempt.record(payments);
  await afterwards?.();
  return result;
}
