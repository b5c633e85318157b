import { defineMessage } from '@bazaar/platform/messaging';
import { Type } from '@sinclair/typebox';

// `user.registered` is identity's. The order events belong to orders and move to its contract when it
// publishes them; until then they are defined here, with the schemas orders will own.
export { UserRegistered } from '@bazaar/identity/contract';

const UserId = Type.String({ pattern: '^usr_[0-9a-hjkmnp-tv-z]{26}$' });
const OrderId = Type.String({ pattern: '^ord_[0-9a-hjkmnp-tv-z]{26}$' });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
const TotalMinor = Type.Integer({ minimum: 0, maximum: 10_000_000_000_000 });

/** `order.confirmed` v1: the order's payment is captured and its stock is reserved (produced by orders). */
export const OrderConfirmed = defineMessage({
  type: 'order.confirmed',
  version: 1,
  schema: Type.Object(
    { orderId: OrderId, userId: UserId, email: Type.Optional(Email), totalMinor: TotalMinor, currency: Currency },
    { additionalProperties: false },
  ),
});

/** `order.cancelled` v1: the order will not be fulfilled, with the reason (produced by orders). */
export const OrderCancelled = defineMessage({
  type: 'order.cancelled',
  version: 1,
  schema: Type.Object(
    {
      orderId: OrderId,
      userId: UserId,
      email: Type.Optional(Email),
      totalMinor: TotalMinor,
      currency: Currency,
      reason: Type.Optional(Type.String({ maxLength: 500 })),
    },
    { additionalProperties: false },
  ),
});
