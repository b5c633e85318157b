/**
 * Commands orders' checkout saga sends to inventory and payments, and the replies it expects. They belong in the
 * contracts of inventory and payments (the owner of a command or reply defines it); they live here until they
 * are moved there.
 */
import { idPattern } from '@bazaar/platform/ids';
import { defineMessage } from '@bazaar/platform/messaging';
import { type Static, Type } from '@sinclair/typebox';

/** Which wait of which saga a command opens; the participant copies it unchanged onto its reply. */
export const SagaStepRef = Type.Object(
  {
    stepId: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
    phase: Type.Union([Type.Literal('forward'), Type.Literal('compensate')]),
    attempt: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type SagaStepRef = Static<typeof SagaStepRef>;

const OrderId = Type.String({ pattern: idPattern('ord') });
const Reason = Type.String({ minLength: 1, maxLength: 500 });

/** Sets the order's stock aside: all lines or none. */
export const ReserveStockCommand = defineMessage({
  type: 'inventory.reserve-stock',
  version: 1,
  schema: Type.Object(
    {
      step: SagaStepRef,
      orderId: OrderId,
      lines: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), { minItems: 1 }),
    },
    { additionalProperties: false },
  ),
});

/** Gives the order's reserved stock back; idempotent. */
export const ReleaseStockCommand = defineMessage({
  type: 'inventory.release-stock',
  version: 1,
  schema: Type.Object({ step: SagaStepRef, orderId: OrderId }, { additionalProperties: false }),
});

/** The order's stock is set aside. */
export const StockReservedReply = defineMessage({
  type: 'inventory.stock-reserved',
  version: 1,
  schema: Type.Object({ step: SagaStepRef, orderId: OrderId, reservationId: Type.String() }, { additionalProperties: false }),
});

/** The order's stock could not be set aside (out of stock, unknown SKU). */
export const StockReservationFailedReply = defineMessage({
  type: 'inventory.stock-reservation-failed',
  version: 1,
  schema: Type.Object({ step: SagaStepRef, orderId: OrderId, reason: Reason }, { additionalProperties: false }),
});

/** The order's stock went back. */
export const StockReleasedReply = defineMessage({
  type: 'inventory.stock-released',
  version: 1,
  schema: Type.Object({ step: SagaStepRef, orderId: OrderId }, { additionalProperties: false }),
});

/** Authorizes the order's total on the buyer's card. */
export const AuthorizePaymentCommand = defineMessage({
  type: 'payments.authorize-payment',
  version: 1,
  schema: Type.Object(
    {
      step: SagaStepRef,
      orderId: OrderId,
      customerId: Type.String(),
      amountMinor: Type.Integer({ minimum: 1 }),
      currency: Type.String({ pattern: '^[A-Z]{3}$' }),
      paymentToken: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$' }),
    },
    { additionalProperties: false },
  ),
});

/** Voids the order's authorization; idempotent. */
export const VoidPaymentCommand = defineMessage({
  type: 'payments.void-payment',
  version: 1,
  schema: Type.Object({ step: SagaStepRef, orderId: OrderId }, { additionalProperties: false }),
});

/** Captures the order's authorized amount; idempotent. */
export const CapturePaymentCommand = defineMessage({
  type: 'payments.capture-payment',
  version: 1,
  schema: Type.Object({ step: SagaStepRef, orderId: OrderId }, { additionalProperties: false }),
});

/** A payment operation succeeded: `operation` says which (authorized, captured or voided). */
export const PaymentSucceededReply = defineMessage({
  type: 'payments.payment-succeeded',
  version: 1,
  schema: Type.Object(
    {
      step: SagaStepRef,
      orderId: OrderId,
      paymentId: Type.String(),
      operation: Type.Union([Type.Literal('authorized'), Type.Literal('captured'), Type.Literal('voided')]),
    },
    { additionalProperties: false },
  ),
});

/** A payment operation failed (declined card, provider down past the retry budget). */
export const PaymentFailedReply = defineMessage({
  type: 'payments.payment-failed',
  version: 1,
  schema: Type.Object({ step: SagaStepRef, orderId: OrderId, reason: Reason }, { additionalProperties: false }),
});

/** Every command the checkout saga sends. */
export const ParticipantCommands = [ReserveStockCommand, ReleaseStockCommand, AuthorizePaymentCommand, VoidPaymentCommand, CapturePaymentCommand] as const;

/** Every reply the checkout saga consumes. */
export const ParticipantReplies = [StockReservedReply, StockReservationFailedReply, StockReleasedReply, PaymentSucceededReply, PaymentFailedReply] as const;
