import { type Static, Type } from '@sinclair/typebox';
import { ProductLimits, SKU_PATTERN } from '@bazaar/catalog/contract';
import { idPattern } from '@bazaar/platform/ids';
import { InventoryLimits } from './inventory.limits.ts';

/** A catalog SKU, the key stock is filed under (catalog owns its format). */
export const Sku = Type.String({ minLength: 5, maxLength: ProductLimits.skuMaxLength, pattern: SKU_PATTERN });

/** A place that holds stock. */
export const Warehouse = Type.Object({
  id: Type.String({ pattern: idPattern('wh') }),
  name: Type.String(),
});
export type Warehouse = Static<typeof Warehouse>;

/** `GET /api/inventory/warehouses`: every warehouse, by name. */
export const WarehouseList = Type.Array(Warehouse);
export type WarehouseList = Static<typeof WarehouseList>;

/** The path parameter of the stock routes. */
export const StockParams = Type.Object({ sku: Sku }, { additionalProperties: false });
export type StockParams = Static<typeof StockParams>;

/** `GET /api/inventory/:sku`: what can still be bought, per warehouse and in total. A SKU never stocked has none. */
export const Availability = Type.Object({
  sku: Type.String(),
  available: Type.Integer({ minimum: 0 }),
  warehouses: Type.Array(
    Type.Object({
      warehouseId: Type.String({ pattern: idPattern('wh') }),
      name: Type.String(),
      available: Type.Integer({ minimum: 0 }),
    }),
  ),
});
export type Availability = Static<typeof Availability>;

/** `GET /api/inventory/:sku/counts` (admin): on hand, reserved and available per warehouse, and in total. */
export const StockCounts = Type.Object({
  sku: Type.String(),
  onHand: Type.Integer({ minimum: 0 }),
  reserved: Type.Integer({ minimum: 0 }),
  available: Type.Integer({ minimum: 0 }),
  warehouses: Type.Array(
    Type.Object({
      warehouseId: Type.String({ pattern: idPattern('wh') }),
      name: Type.String(),
      onHand: Type.Integer({ minimum: 0 }),
      reserved: Type.Integer({ minimum: 0 }),
      available: Type.Integer({ minimum: 0 }),
    }),
  ),
});
export type StockCounts = Static<typeof StockCounts>;

/** `PUT /api/inventory/:sku` (admin): the stock on hand of the SKU in one warehouse. */
export const SetStock = Type.Object(
  {
    warehouseId: Type.String({ pattern: idPattern('wh') }),
    onHand: Type.Integer({ minimum: 0, maximum: InventoryLimits.onHandMax }),
  },
  { additionalProperties: false },
);
export type SetStock = Static<typeof SetStock>;

/** One stock row; `version` grows by one with every change, so readers can order what they hear about it. */
export const WarehouseStock = Type.Object({
  warehouseId: Type.String({ pattern: idPattern('wh') }),
  onHand: Type.Integer({ minimum: 0 }),
  reserved: Type.Integer({ minimum: 0 }),
  available: Type.Integer({ minimum: 0 }),
  version: Type.Integer({ minimum: 1 }),
});
export type WarehouseStock = Static<typeof WarehouseStock>;

/** The stock of one SKU in every warehouse that files it: the admin's view and the `stock.level-changed` payload. */
export const StockLevel = Type.Object({
  sku: Type.String(),
  available: Type.Integer({ minimum: 0 }),
  warehouses: Type.Array(WarehouseStock),
});
export type StockLevel = Static<typeof StockLevel>;
