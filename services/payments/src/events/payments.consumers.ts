import { causedBy, type HandlerContext, type Message, type Messaging } from '@bazaar/platform/messaging';
import type { PaymentResult } from '../app/payment.failure.ts';
import { PaymentFailedReply, PaymentSucceededReply, type SagaStepRef } from '../contract/payments.messages.ts';
import type { PaymentsTables } from '../store/payments.tables.ts';

/** The consumer (and so the queue) payments reads the checkout saga's commands from. */
export const PAYMENTS_COMMANDS_CONSUMER = 'payments-commands';

/** Writes the reply to a payment command in the consumer's transaction: succeeded with `operation`, or failed with the reason. */
export async function replyWith(
  messaging: Messaging<PaymentsTables>,
  trx: HandlerContext<PaymentsTables>['trx'],
  command: Message<string, { step: SagaStepRef; orderId: string }>,
  result: PaymentResult,
  operation: 'authorized' | 'captured' | 'voided',
): Promise<void> {
  const { step, orderId } = command.payload;
  const reply = result.ok
    ? PaymentSucceededReply.create({ step, orderId, paymentId: result.value.id, operation }, causedBy(command))
    : PaymentFailedReply.create({ step, orderId, reason: `${result.error.code}: ${result.error.message}`.slice(0, 500) }, causedBy(command));
  await messaging.outbox.write(trx, reply);
}
