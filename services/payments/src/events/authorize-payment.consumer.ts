import type { Messaging } from '@bazaar/platform/messaging';
import { AuthorizePaymentCommand } from '../contract/payments.messages.ts';
import type { PaymentsUseCases } from '../main.ts';
import type { PaymentsTables } from '../store/payments.tables.ts';
import { PAYMENTS_COMMANDS_CONSUMER, replyWith } from './payments.consumers.ts';

/**
 * Authorizes the order's total and replies succeeded or failed. A provider outage is a failure too: the saga
 * cancels the order rather than keep the buyer waiting. The use case commits on its own connection before the
 * reply is written; a redelivery authorizes again by the same order, which the provider answers idempotently.
 */
export function subscribeAuthorizePayment(messaging: Messaging<PaymentsTables>, useCases: Pick<PaymentsUseCases, 'authorizePayment'>): void {
  messaging.subscribe(PAYMENTS_COMMANDS_CONSUMER, AuthorizePaymentCommand, async (message, { trx }) => {
    const { step: _step, ...input } = message.payload;
    await replyWith(messaging, trx, message, await useCases.authorizePayment(input), 'authorized');
  });
}
