import { idPattern } from '@bazaar/platform/ids';
import { defineMessage } from '@bazaar/platform/messaging';
import { Type } from '@sinclair/typebox';
import { OrderLine } from './order.schemas.ts';

const OrderId = Type.String({ pattern: idPattern('ord') });
/** Where to write to the buyer, when the producer knows it (notifications otherwise uses the address it has). */
const Email = Type.Optional(Type.String({ format: 'email', maxLength: 254 }));

/** An order was accepted and its checkout began (cart empties on it). */
export const OrderPlacedMessage = defineMessage({
  type: 'order.placed',
  version: 1,
  schema: Type.Object(
    { orderId: OrderId, userId: Type.String(), lines: Type.Array(OrderLine), totalMinor: Type.Integer({ minimum: 0 }), currency: Type.String() },
    { additionalProperties: false },
  ),
});

/** The order's stock is reserved and its payment authorized: it will ship. */
export const OrderConfirmedMessage = defineMessage({
  type: 'order.confirmed',
  version: 1,
  schema: Type.Object(
    { orderId: OrderId, userId: Type.String(), email: Email, totalMinor: Type.Integer({ minimum: 0 }), currency: Type.String() },
    { additionalProperties: false },
  ),
});

/** The order could not go through; nothing was charged and its stock went back. */
export const OrderCancelledMessage = defineMessage({
  type: 'order.cancelled',
  version: 1,
  schema: Type.Object(
    { orderId: OrderId, userId: Type.String(), email: Email, totalMinor: Type.Integer({ minimum: 0 }), currency: Type.String(), reason: Type.String() },
    { additionalProperties: false },
  ),
});
