/**
 * The commands inventory answers for a checkout saga, and its replies. Every reply copies the command's `step`
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

/** Every command inventory consumes from a saga. */
export const InventoryCommands = [ReserveStockCommand, ReleaseStockCommand] as const;

/** Every reply inventory sends to a saga. */
export const InventoryReplies = [StockReservedReply, StockReservationFailedReply, StockReleasedReply] as const;
