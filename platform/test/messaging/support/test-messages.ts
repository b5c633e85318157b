import { Type } from '@sinclair/typebox';
import { defineMessage } from '@bazaar/platform/messaging';

/** The event the tests produce and consume. */
export const StockReserved = defineMessage({
  type: 'stock.reserved',
  version: 1,
  schema: Type.Object({ sku: Type.String({ minLength: 1 }), quantity: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
});

/** A second event, so routing by type can be seen. */
export const StockReleased = defineMessage({
  type: 'stock.released',
  version: 1,
  schema: Type.Object({ sku: Type.String({ minLength: 1 }), quantity: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
});
