export { OrdersErrors } from './orders.errors.ts';
export { OrdersPaths } from './orders.paths.ts';
export type { CartLine, CartReader } from './cart-reader.ts';
export {
  IDEMPOTENCY_KEY_PATTERN,
  ShippingAddress,
  Checkout,
  OrderStatus,
  OrderLine,
  CheckoutAccepted,
  Order,
  OrderSummary,
  OrderPage,
  ListOrdersQuery,
  OrderParams,
} from './order.schemas.ts';
export { OrderPlacedMessage, OrderConfirmedMessage, OrderCancelledMessage } from './order.messages.ts';
