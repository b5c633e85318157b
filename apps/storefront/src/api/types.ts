import type { ServiceView as GatewayServiceView } from '@bazaar/gateway/contract';
import type { Order } from '@bazaar/orders/contract';

// Response shapes come from the services' published contracts, as types only: no server code reaches the bundle.
export type { Product, ProductPage, ProductSort, Category, CreateProduct, UpdateProduct, ProductAttributes } from '@bazaar/catalog/contract';
export type { CartView, CartItem } from '@bazaar/cart/contract';
export type { Availability, Warehouse, StockCounts, StockLevel } from '@bazaar/inventory/contract';
export type { Order, OrderSummary, OrderPage, CheckoutAccepted, ShippingAddress } from '@bazaar/orders/contract';
export type { Notification, NotificationPage } from '@bazaar/notifications/contract';
export type { Faults } from '@bazaar/payment-provider/contract';
export type { User } from '@bazaar/identity/contract';

/** An order's status, from PENDING to CONFIRMED or CANCELLED. */
export type OrderStatus = Order['status'];

/** A message a consumer gave up on, as `GET /api/admin/dead-letters/{service}` lists it (platform messaging). */
export interface DeadLetter {
  readonly id: string;
  readonly consumer: string;
  readonly messageId: string | null;
  readonly type: string | null;
  readonly error: string;
  readonly attempts: number;
  readonly deadAt: string;
  readonly redrivenAt: string | null;
  readonly message: unknown;
  readonly raw: string | null;
}

export interface DeadLetterPage {
  readonly items: readonly DeadLetter[];
  readonly nextCursor: string | null;
}

/** `GET /api/admin/system`: every service the gateway routes to, its replicas, breaker and messaging. */
export type { SystemView, ServiceView, ReplicaView } from '@bazaar/gateway/contract';

/** The gateway's circuit to a service. */
export type BreakerState = GatewayServiceView['breaker'];

/** What login (and refresh) answer; the body's refresh token is ignored, the cookie carries it. */
export interface LoginResponse {
  readonly accessToken: string;
  readonly expiresIn: number;
}
