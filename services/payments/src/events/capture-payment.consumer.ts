import { PaymentsErrors } from '../contract/payments.errors.ts';
import type { Messaging } from '@bazaar/platform/messaging';
import { CapturePaymentCommand } from '../contract/payments.messages.ts';
import type { PaymentsUseCases } from '../main.ts';
import type { PaymentsTables } from '../store/payments.tables.ts';
import { PAYMENTS_COMMANDS_CONSUMER, replyWith } from './payments.consumers.ts';

/**
 * Captures the order's authorization (outside the consumer's transaction: it calls the provider and commits on
 * its own) and replies. The order is confirmed once this succeeds, so a provider outage is thrown: the command
 * comes back with backoff until the provider answers (or is dead-lettered).
 */
export function subscribeCapturePayment(messaging: Messaging<PaymentsTables>, useCases: Pick<PaymentsUseCases, 'capturePayment'>): void {
  messaging.subscribe(PAYMENTS_COMMANDS_CONSUMER, CapturePaymentCommand, {
    async prepare(message) {
      const captured = await useCases.capturePayment(message.payload.orderId);
      if (!captured.ok && captured.error.code === PaymentsErrors.PROVIDER_UNAVAILABLE.code) throw captured.error;
      return captured;
    },
    handle: (message, captured, { trx }) => replyWith(messaging, trx, message, captured, 'captured'),
  });
}
