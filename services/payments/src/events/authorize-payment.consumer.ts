import type { Messaging } from '@bazaar/platform/messaging';
import { awaitsProvider } from '../app/authorize-payment.use-case.ts';
import { AuthorizePaymentCommand } from '../contract/payments.messages.ts';
import type { PaymentAttempts } from '../main.ts';
import type { PaymentsTables } from '../store/payments.tables.ts';
import { PAYMENTS_COMMANDS_CONSUMER, recordAndReply, type Recording } from './payments.consumers.ts';

/** The provider could not be reached yet: the command is delivered again after a backoff, and nothing is replied. */
export class ProviderStillUnavailable extends Error {
  constructor(orderId: string) {
    super(`The payment provider is unavailable; the authorization of order ${orderId} will be sent again`);
    this.name = 'ProviderStillUnavailable';
  }
}

/**
 * Authorizes the order's total (outside the consumer's transaction: the intent commits on its own before the
 * provider is called), then records the outcome and replies succeeded or failed in the consumer's transaction.
 * While the provider cannot be reached, the command is retried with backoff (the buyer's order waits) for
 * `retryBudgetMs` from when the saga sent it; past that, the reply is a failure and the saga cancels the order.
 * A redelivery authorizes again by the same order, which the provider answers idempotently.
 */
export function subscribeAuthorizePayment(
  messaging: Messaging<PaymentsTables>,
  attempts: Pick<PaymentAttempts, 'authorize'>,
  recording: Recording,
  options: { retryBudgetMs: number },
): void {
  messaging.subscribe(PAYMENTS_COMMANDS_CONSUMER, AuthorizePaymentCommand, {
    async prepare(message) {
      const { step: _step, ...input } = message.payload;
      const attempt = await attempts.authorize(input, { retryUntil: Date.parse(message.occurredAt) + options.retryBudgetMs });
      if ('answered' in attempt && awaitsProvider(attempt.answered)) throw new ProviderStillUnavailable(input.orderId);
      return attempt;
    },
    handle: (message, attempt, { trx }) => recordAndReply(messaging, trx, message, attempt, 'authorized', recording),
  });
}
