export { CartErrors } from './cart.errors.ts';
export { CartPaths } from './cart.paths.ts';
export { CartLimits, CART_ID_HEADER } from './cart.limits.ts';
export { CartItem, CartTotal, CartView, CreateCart, AddItem, SetItemQuantity, ItemParams, MergeCart } from './cart.schemas.ts';
