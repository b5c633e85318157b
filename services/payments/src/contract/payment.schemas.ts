import { idPattern } from '@bazaar/platform/ids';
import { type Static, Type } from '@sinclair/typebox';

/**
 * Where a payment stands. `pending`, `capturing` and `voiding` are recorded intents whose provider call has
 * not been answered yet; `declined`, `failed` (the provider stayed unreachable), `captured` and `voided` are final.
 */
export const PaymentStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('authorized'),
  Type.Literal('declined'),
  Type.Literal('failed'),
  Type.Literal('capturing'),
  Type.Literal('captured'),
  Type.Literal('voiding'),
  Type.Literal('voided'),
]);
export type PaymentStatus = Static<typeof PaymentStatus>;

/** What authorizing an order's payment takes (the saga's command carries exactly this). */
export const AuthorizePayment = Type.Object(
  {
    orderId: Type.String({ pattern: idPattern('ord') }),
    customerId: Type.String({ pattern: idPattern('usr') }),
    /** Whole minor units of `currency`. */
    amountMinor: Type.Integer({ minimum: 1, maximum: 10_000_000_000 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    /** A card token (test cards: `tok_visa`, `tok_chargeDeclined`); never stored. */
    paymentToken: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$' }),
  },
  { additionalProperties: false },
);
export type AuthorizePayment = Static<typeof AuthorizePayment>;

/** An order's payment; what `payment.authorized|failed|captured|voided` will carry. */
export const Payment = Type.Object({
  id: Type.String({ pattern: idPattern('pay') }),
  orderId: Type.String(),
  status: PaymentStatus,
  /** Whole minor units; 0 (currency `XXX`, "no currency") for an order voided before it was ever authorized. */
  amountMinor: Type.Integer({ minimum: 0 }),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  providerAuthorizationId: Type.Optional(Type.String()),
  /** Why the card was declined (`card_declined`, `insufficient_funds`, `invalid_token`). */
  declineCode: Type.Optional(Type.String()),
  /** Why the payment failed without a verdict (`PAYMENTS.PROVIDER_UNAVAILABLE`). */
  failureCode: Type.Optional(Type.String()),
  /** Calls made to the provider for this payment, each with its own retries. */
  attempts: Type.Integer({ minimum: 0 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  authorizedAt: Type.Optional(Type.String({ format: 'date-time' })),
  capturedAt: Type.Optional(Type.String({ format: 'date-time' })),
  voidedAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type Payment = Static<typeof Payment>;

/** `:orderId` of the payment routes. */
export const PaymentParams = Type.Object({ orderId: Type.String({ pattern: idPattern('ord') }) }, { additionalProperties: false });
export type PaymentParams = Static<typeof PaymentParams>;
