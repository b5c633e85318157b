import type { Messaging } from '@bazaar/platform/messaging';
import { VoidPaymentCommand } from '../contract/payments.messages.ts';
import type { PaymentAttempts } from '../main.ts';
import type { PaymentsTables } from '../store/payments.tables.ts';
import { PAYMENTS_COMMANDS_CONSUMER, recordAndReply, type Recording, unlessProviderUnavailable } from './payments.consumers.ts';

/**
 * Voids the order's authorization (outside the consumer's transaction: the intent commits on its own before the
 * provider is called), then records the outcome and replies in the consumer's transaction. A compensation must
 * happen, so a provider outage is thrown: the command comes back with backoff until the provider answers (or is
 * dead-lettered for someone to look at).
 */
export function subscribeVoidPayment(messaging: Messaging<PaymentsTables>, attempts: Pick<PaymentAttempts, 'void'>, recording: Recording): void {
  messaging.subscribe(PAYMENTS_COMMANDS_CONSUMER, VoidPaymentCommand, {
    async prepare(message) {
      return unlessProviderUnavailable(await attempts.void(message.payload.orderId));
    },
    handle: (message, attempt, { trx }) => recordAndReply(messaging, trx, message, attempt, 'voided', recording),
  });
}
