/**
 * The commands payments answers for a checkout saga, and its replies. Every reply copies the command's `step`
 * and `orderId` back unchanged.
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

/** Every command payments consumes from a saga. */
export const PaymentsCommands = [AuthorizePaymentCommand, VoidPaymentCommand, CapturePaymentCommand] as const;

/** Every reply payments sends to a saga. */
export const PaymentsReplies = [PaymentSucceededReply, PaymentFailedReply] as const;
