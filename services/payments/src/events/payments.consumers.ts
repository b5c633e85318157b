import { afterCommit, type Transaction } from '@bazaar/platform/db';
import { causedBy, type Message, type Messaging } from '@bazaar/platform/messaging';
import type { Logger } from '@bazaar/platform/telemetry';
import type { PaymentAttempt } from '../app/payment.attempt.ts';
import type { PaymentResult } from '../app/payment.failure.ts';
import { PaymentsErrors } from '../contract/payments.errors.ts';
import { PaymentFailedReply, PaymentSucceededReply, type SagaStepRef } from '../contract/payments.messages.ts';
import type { PaymentRepository } from '../store/payment.repository.ts';
import type { PaymentsTables } from '../store/payments.tables.ts';

/** The consumer (and so the queue) payments reads the checkout saga's commands from. */
export const PAYMENTS_COMMANDS_CONSUMER = 'payments-commands';

/** How a consumer records an attempt's outcome: with payments on its own transaction. */
export interface Recording {
  paymentsIn(trx: Transaction<PaymentsTables>): PaymentRepository;
  readonly logger: Logger;
}

/** Records an attempt's outcome with `trx` and schedules the provider work it leaves for after that commit. */
async function recordIn(
  trx: Transaction<PaymentsTables>,
  orderId: string,
  attempt: Exclude<PaymentAttempt, { readonly answered: PaymentResult }>,
  recording: Recording,
): Promise<PaymentResult> {
  const { result, afterwards } = await attempt.record(recording.paymentsIn(trx));
  if (afterwards === undefined) return result;
  const scheduled = afterCommit(trx, () => {
    afterwards().catch((error: unknown) => recording.logger.error({ err: error, orderId }, 'provider work after a recorded outcome failed'));
  });
  if (!scheduled) throw new Error('A payment outcome must be recorded in a transaction opened with inTransaction()');
  return result;
}

/** Throws the attempt's failure when it is that the provider is unavailable (the command comes back later); else returns it. */
export function unlessProviderUnavailable(attempt: PaymentAttempt): PaymentAttempt {
  if ('answered' in attempt && !attempt.answered.ok && attempt.answered.error.code === PaymentsErrors.PROVIDER_UNAVAILABLE.code) throw attempt.answered.error;
  return attempt;
}

/**
 * Records the attempt's outcome and writes the reply to its command in the consumer's transaction, so the two
 * commit together: succeeded with `operation`, or failed with the reason. Provider work the outcome leaves
 * (releasing an authorization that came after its void) runs once that transaction has committed.
 */
export async function recordAndReply(
  messaging: Messaging<PaymentsTables>,
  trx: Transaction<PaymentsTables>,
  command: Message<string, { step: SagaStepRef; orderId: string }>,
  attempt: PaymentAttempt,
  operation: 'authorized' | 'captured' | 'voided',
  recording: Recording,
): Promise<void> {
  const result = 'answered' in attempt ? attempt.answered : await recordIn(trx, command.payload.orderId, attempt, recording);
  const { step, orderId } = command.payload;
  const reply = result.ok
    ? PaymentSucceededReply.create({ step, orderId, paymentId: result.value.id, operation }, causedBy(command))
    : PaymentFailedReply.create({ step, orderId, reason: `${result.error.code}: ${result.error.message}`.slice(0, 500) }, causedBy(command));
  await messaging.outbox.write(trx, reply);
}
