import { PaymentsErrors } from '../contract/payments.errors.ts';
import type { Messaging } from '@bazaar/platform/messaging';
import { VoidPaymentCommand } from '../contract/payments.messages.ts';
import type { PaymentsUseCases } from '../main.ts';
import type { PaymentsTables } from '../store/payments.tables.ts';
import { PAYMENTS_COMMANDS_CONSUMER, replyWith } from './payments.consumers.ts';

/**
 * Voids the order's authorization (outside the consumer's transaction: it calls the provider and commits on its
 * own) and replies. A compensation must happen, so a provider outage is thrown: the command comes back with
 * backoff until the provider answers (or is dead-lettered for someone to look at).
 */
export function subscribeVoidPayment(messaging: Messaging<PaymentsTables>, useCases: Pick<PaymentsUseCases, 'voidPayment'>): void {
  messaging.subscribe(PAYMENTS_COMMANDS_CONSUMER, VoidPaymentCommand, {
    async prepare(message) {
      const voided = await useCases.voidPayment(message.payload.orderId);
      if (!voided.ok && voided.error.code === PaymentsErrors.PROVIDER_UNAVAILABLE.code) throw voided.error;
      return voided;
    },
    handle: (message, voided, { trx }) => replyWith(messaging, trx, message, voided, 'voided'),
  });
}
