import type { Messaging } from '@bazaar/platform/messaging';
import { awaitsProvider, type AuthorizeOptions } from '../app/authorize-payment.use-case.ts';
import type { PaymentResult } from '../app/payment.failure.ts';
import type { AuthorizePayment } from '../contract/payment.schemas.ts';
import { AuthorizePaymentCommand } from '../contract/payments.messages.ts';
import type { PaymentsTables } from '../store/payments.tables.ts';
import { PAYMENTS_COMMANDS_CONSUMER, replyWith } from './payments.consumers.ts';

/** The provider could not be reached yet: the command is delivered again after a backoff, and nothing is replied. */
export class ProviderStillUnavailable extends Error {
  constructor(orderId: string) {
    super(`The payment provider is unavailable; the authorization of order ${orderId} will be sent again`);
    this.name = 'ProviderStillUnavailable';
  }
}

/**
 * Authorizes the order's total (outside the consumer's transaction: it calls the provider and commits on its
 * own) and replies succeeded or failed. While the provider cannot be reached, the
 * command is retried with backoff (the buyer's order waits) for `retryBudgetMs` from when the saga sent it; past
 * that, the reply is a failure and the saga cancels the order. A redelivery authorizes again by the same order,
 * which the provider answers idempotently.
 */
export function subscribeAuthorizePayment(
  messaging: Messaging<PaymentsTables>,
  useCases: { authorizePayment(input: AuthorizePayment, options?: AuthorizeOptions): Promise<PaymentResult> },
  options: { retryBudgetMs: number },
): void {
  messaging.subscribe(PAYMENTS_COMMANDS_CONSUMER, AuthorizePaymentCommand, {
    async prepare(message) {
      const { step: _step, ...input } = message.payload;
      const result = await useCases.authorizePayment(input, { retryUntil: Date.parse(message.occurredAt) + options.retryBudgetMs });
      if (awaitsProvider(result)) throw new ProviderStillUnavailable(input.orderId);
      return result;
    },
    handle: (message, result, { trx }) => replyWith(messaging, trx, message, result, 'authorized'),
  });
}
