import type { PaymentStatus } from '../contract/payment.schemas.ts';

/** The provider calls a payment makes; each has its own idempotency key. */
export type PaymentOperation = 'authorize' | 'capture' | 'void';

/** A payment as stored. `customerId` is null only for an order voided before it was ever authorized. */
export interface PaymentRecord {
  readonly id: string;
  readonly orderId: string;
  readonly customerId: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly status: PaymentStatus;
  readonly providerAuthorizationId: string | null;
  readonly declineCode: string | null;
  readonly failureCode: string | null;
  readonly authorizeKey: string;
  readonly captureKey: string | null;
  readonly voidKey: string | null;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly authorizedAt: Date | null;
  readonly capturedAt: Date | null;
  readonly voidedAt: Date | null;
}

/**
 * The provider-side idempotency key of one operation on one payment. It is fixed when the intent is recorded,
 * so a timed-out call, its retries and any later resend all carry the same key and the provider acts once.
 */
export function operationKey(paymentId: string, operation: PaymentOperation): string {
  return `${paymentId}:${operation}`;
}

/** The amount and currency recorded for an order voided before any authorization (ISO 4217 `XXX`: no currency). */
export const NO_AMOUNT = { amountMinor: 0, currency: 'XXX' } as const;
