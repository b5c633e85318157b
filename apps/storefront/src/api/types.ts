import type { Order } from '@bazaar/orders/contract';

// Response shapes come from the services' published contracts, as types only: no server code reaches the bundle.
export type { Product, ProductPage, ProductSort, Category, CreateProduct, UpdateProduct, ProductAttributes } from '@bazaar/catalog/contract';
export type { CartView, CartItem } from '@bazaar/cart/contract';
export type { Availability, Warehouse, StockLevel } from '@bazaar/inventory/contract';
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

/** One health check of a replica's readiness. */
export interface ReplicaCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
}

export interface ReplicaHealth {
  readonly url: string;
  readonly status: 'ready' | 'not-ready' | 'down';
  readonly checks: readonly ReplicaCheck[];
}

/** The gateway's circuit to a service. */
export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

export interface ServiceHealth {
  readonly name: string;
  readonly replicas: readonly ReplicaHealth[];
  readonly breaker: BreakerState;
  /** Only for services that use the broker. */
  readonly messaging?: { readonly outboxPending: number; readonly outboxOldestAgeSeconds: number | null; readonly deadLettersPending: number };
}

/** `GET /api/admin/system`: every service the gateway routes to, as the gateway sees it. */
export interface SystemOverview {
  readonly generatedAt: string;
  readonly services: readonly ServiceHealth[];
}

/** What login (and refresh) answer; the body's refresh token is ignored, the cookie carries it. */
export interface LoginResponse {
  readonly accessToken: string;
  readonly expiresIn: number;
}
