import type { Payment } from '../contract/payment.schemas.ts';
import type { PaymentRecord } from '../domain/payment.model.ts';

/** The stored payment as the API (and, later, its events) show it. */
export function toPaymentView(record: PaymentRecord): Payment {
  return {
    id: record.id,
    orderId: record.orderId,
    status: record.status,
    amountMinor: record.amountMinor,
    currency: record.currency,
    ...(record.providerAuthorizationId !== null && { providerAuthorizationId: record.providerAuthorizationId }),
    ...(record.declineCode !== null && { declineCode: record.declineCode }),
    ...(record.failureCode !== null && { failureCode: record.failureCode }),
    attempts: record.attempts,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    ...(record.authorizedAt !== null && { authorizedAt: record.authorizedAt.toISOString() }),
    ...(record.capturedAt !== null && { capturedAt: record.capturedAt.toISOString() }),
    ...(record.voidedAt !== null && { voidedAt: record.voidedAt.toISOString() }),
  };
}
