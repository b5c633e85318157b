import { idPattern } from '@bazaar/platform/ids';
import { type Static, Type } from '@sinclair/typebox';

/** The Idempotency-Key header every checkout carries. */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_-]{8,128}$';

/** Where the order is shipped; `country` is an ISO 3166-1 alpha-2 code. */
export const ShippingAddress = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
  },
  { additionalProperties: false },
);
export type ShippingAddress = Static<typeof ShippingAddress>;

/** The body of `POST /api/checkout`. */
export const Checkout = Type.Object(
  { shippingAddress: ShippingAddress, paymentToken: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$' }) },
  { additionalProperties: false },
);
export type Checkout = Static<typeof Checkout>;

/** PENDING → RESERVED → AUTHORIZED → CONFIRMED, or CANCELLED. */
export const OrderStatus = Type.Union([
  Type.Literal('PENDING'),
  Type.Literal('RESERVED'),
  Type.Literal('AUTHORIZED'),
  Type.Literal('CONFIRMED'),
  Type.Literal('CANCELLED'),
]);

/** One line of an order, at the price it was bought at (whole minor units). */
export const OrderLine = Type.Object(
  {
    productId: Type.String(),
    sku: Type.String(),
    name: Type.String(),
    quantity: Type.Integer({ minimum: 1 }),
    unitPriceMinor: Type.Integer({ minimum: 0 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  },
  { additionalProperties: false },
);
export type OrderLine = Static<typeof OrderLine>;

/** What `POST /api/checkout` answers while the saga is still running (202). */
export const CheckoutAccepted = Type.Object({
  orderId: Type.String({ pattern: idPattern('ord') }),
  status: OrderStatus,
  statusUrl: Type.String(),
});
export type CheckoutAccepted = Static<typeof CheckoutAccepted>;

/** One event of an order's stream (admins only). */
export const OrderEventView = Type.Object({ version: Type.Integer(), type: Type.String(), occurredAt: Type.String({ format: 'date-time' }) });

/** One step of the checkout saga (admins only). */
export const SagaStepView = Type.Object({ stepId: Type.String(), phase: Type.String(), status: Type.String(), attempts: Type.Integer() });

/** An order as its owner (or an admin) sees it. */
export const Order = Type.Object({
  id: Type.String({ pattern: idPattern('ord') }),
  userId: Type.String(),
  status: OrderStatus,
  lines: Type.Array(OrderLine),
  totalMinor: Type.Integer({ minimum: 0 }),
  currency: Type.String(),
  shippingAddress: ShippingAddress,
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  statusUrl: Type.String(),
  events: Type.Optional(Type.Array(OrderEventView)),
  saga: Type.Optional(Type.Object({ status: Type.String(), currentStep: Type.Union([Type.String(), Type.Null()]), steps: Type.Array(SagaStepView) })),
});
export type Order = Static<typeof Order>;

/** One row of the order history. */
export const OrderSummary = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  status: OrderStatus,
  totalMinor: Type.Integer(),
  currency: Type.String(),
  linesCount: Type.Integer(),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type OrderSummary = Static<typeof OrderSummary>;

/** A page of the history, newest first; pass `nextCursor` back as `cursor` for the next page. */
export const OrderPage = Type.Object({ items: Type.Array(OrderSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type OrderPage = Static<typeof OrderPage>;

export const ListOrdersQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })), cursor: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export type ListOrdersQuery = Static<typeof ListOrdersQuery>;

export const OrderParams = Type.Object({ id: Type.String({ maxLength: 100 }) }, { additionalProperties: false });
