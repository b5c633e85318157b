import type { Messaging } from '@bazaar/platform/messaging';
import { CapturePaymentCommand } from '../contract/payments.messages.ts';
import type { PaymentAttempts } from '../main.ts';
import type { PaymentsTables } from '../store/payments.tables.ts';
import { PAYMENTS_COMMANDS_CONSUMER, recordAndReply, type Recording, unlessProviderUnavailable } from './payments.consumers.ts';

/**
 * Captures the order's authorization (outside the consumer's transaction: the intent commits on its own before
 * the provider is called), then records the outcome and replies in the consumer's transaction. The order is
 * confirmed once this succeeds, so a provider outage is thrown: the command comes back with backoff until the
 * provider answers (or is dead-lettered).
 */
export function subscribeCapturePayment(messaging: Messaging<PaymentsTables>, attempts: Pick<PaymentAttempts, 'capture'>, recording: Recording): void {
  messaging.subscribe(PAYMENTS_COMMANDS_CONSUMER, CapturePaymentCommand, {
    async prepare(message) {
      return unlessProviderUnavailable(await attempts.capture(message.payload.orderId));
    },
    handle: (message, attempt, { trx }) => recordAndReply(messaging, trx, message, attempt, 'captured', recording),
  });
}
