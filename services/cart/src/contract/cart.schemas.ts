import { type Static, Type } from '@sinclair/typebox';
import { idPattern } from '@bazaar/platform/ids';
import { CartLimits } from './cart.limits.ts';

const ProductId = Type.String({ pattern: idPattern('prd') });
const Quantity = Type.Integer({ minimum: CartLimits.minQuantity, maximum: CartLimits.maxQuantity });

/** One product in a cart, with the price catalog quoted when it was added. */
export const CartItem = Type.Object({
  productId: ProductId,
  sku: Type.String(),
  name: Type.String(),
  /** Unit price in minor units of `currency`, as catalog had it when the line was added. */
  priceMinor: Type.Integer({ minimum: 0 }),
  currency: Type.String(),
  quantity: Quantity,
  /** priceMinor × quantity. */
  lineTotalMinor: Type.Integer({ minimum: 0 }),
});
export type CartItem = Static<typeof CartItem>;

/** What a cart costs in one currency. */
export const CartTotal = Type.Object({
  currency: Type.String(),
  totalMinor: Type.Integer({ minimum: 0 }),
  quantity: Type.Integer({ minimum: 0 }),
});
export type CartTotal = Static<typeof CartTotal>;

/** A cart: the user's (id is the user id) or an anonymous one (id is a `crt_` id); totals per currency. */
export const CartView = Type.Object({
  id: Type.String(),
  anonymous: Type.Boolean(),
  items: Type.Array(CartItem),
  totals: Type.Array(CartTotal),
  /** Null for a cart nothing was ever written to. */
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type CartView = Static<typeof CartView>;

/** `POST /api/cart` body: nothing to say, an anonymous cart starts empty. */
export const CreateCart = Type.Object({}, { additionalProperties: false });
export type CreateCart = Static<typeof CreateCart>;

/** `POST /api/cart/items`: adds units of a product (to the line already there, if any). */
export const AddItem = Type.Object({ productId: ProductId, quantity: Quantity }, { additionalProperties: false });
export type AddItem = Static<typeof AddItem>;

/** `PATCH /api/cart/items/:productId`: the new quantity of the line; 0 removes it. */
export const SetItemQuantity = Type.Object(
  { quantity: Type.Integer({ minimum: 0, maximum: CartLimits.maxQuantity }) },
  { additionalProperties: false },
);
export type SetItemQuantity = Static<typeof SetItemQuantity>;

/** The product a line route acts on. */
export const ItemParams = Type.Object({ productId: ProductId }, { additionalProperties: false });
export type ItemParams = Static<typeof ItemParams>;

/** `POST /api/cart/merge`: the anonymous cart to fold into the caller's own cart at login. */
export const MergeCart = Type.Object({ cartId: Type.String({ pattern: idPattern('crt') }) }, { additionalProperties: false });
export type MergeCart = Static<typeof MergeCart>;
