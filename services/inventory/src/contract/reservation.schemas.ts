import { type Static, Type } from '@sinclair/typebox';
import { idPattern } from '@bazaar/platform/ids';
import { InventoryLimits as L } from './inventory.limits.ts';
import { Sku } from './stock.schemas.ts';

/** held → confirmed (the stock left with the order), or held → released / expired (the stock went back). */
export const ReservationStatus = Type.Union([Type.Literal('held'), Type.Literal('confirmed'), Type.Literal('released'), Type.Literal('expired')]);
export type ReservationStatus = Static<typeof ReservationStatus>;

/** The order (or other correlation) id a reservation belongs to; one reservation per order. */
export const OrderRef = Type.String({ minLength: 1, maxLength: L.orderIdMaxLength, pattern: L.orderIdPattern });

/** What an order asks to set aside: quantities per SKU, wherever the stock is. */
export const RequestedLine = Type.Object(
  {
    sku: Sku,
    quantity: Type.Integer({ minimum: 1, maximum: L.lineQuantityMax }),
  },
  { additionalProperties: false },
);
export type RequestedLine = Static<typeof RequestedLine>;

/** The ReserveStock command: all lines or nothing, for at most `ttlMs` unless confirmed. */
export const ReserveStock = Type.Object(
  {
    orderId: OrderRef,
    lines: Type.Array(RequestedLine, { minItems: 1, maxItems: L.reservationLinesMax }),
    ttlMs: Type.Optional(Type.Integer({ minimum: L.ttlMsMin, maximum: L.ttlMsMax })),
  },
  { additionalProperties: false },
);
export type ReserveStock = Static<typeof ReserveStock>;

/** Part of a reservation: a quantity of one SKU set aside in one warehouse. */
export const ReservationLine = Type.Object({
  sku: Type.String(),
  warehouseId: Type.String({ pattern: idPattern('wh') }),
  quantity: Type.Integer({ minimum: 1 }),
});
export type ReservationLine = Static<typeof ReservationLine>;

/** Stock set aside for one order. A reservation released before it was ever made has no lines. */
export const Reservation = Type.Object({
  id: Type.String({ pattern: idPattern('res') }),
  orderId: Type.String(),
  status: ReservationStatus,
  lines: Type.Array(ReservationLine),
  expiresAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Reservation = Static<typeof Reservation>;

/** Why a reservation failed: one entry per SKU that is short (the `stock.reservation-failed` payload). */
export const StockShortage = Type.Object({
  sku: Type.String(),
  requested: Type.Integer({ minimum: 1 }),
  available: Type.Integer({ minimum: 0 }),
});
export type StockShortage = Static<typeof StockShortage>;
