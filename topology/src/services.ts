import { startCart } from '@bazaar/cart/main';
import { startCatalog } from '@bazaar/catalog/main';
import { startGateway } from '@bazaar/gateway/main';
import { startIdentity } from '@bazaar/identity/main';
import { startInventory } from '@bazaar/inventory/main';
import { startNotifications } from '@bazaar/notifications/main';
import { startOrders } from '@bazaar/orders/main';
import { startPaymentProvider } from '@bazaar/payment-provider/main';
import { startPayments } from '@bazaar/payments/main';
import type { Service, ServiceContext } from '@bazaar/platform/http';

/**
 * The whole system in one table: every service, in start order, with what it needs from its placement.
 * Placements (embedded-placement.ts here, cluster and Kubernetes later) read this table; services never read it.
 */
export const topology = [
  { name: 'identity', engines: ['postgres'], start: (context: ServiceContext) => startIdentity(context) },
  { name: 'catalog', engines: ['postgres', 'cache'], dependsOn: ['identity'], start: (context: ServiceContext) => startCatalog(context) },
  { name: 'cart', engines: ['cache'], dependsOn: ['identity', 'catalog'], start: (context: ServiceContext) => startCart(context) },
  { name: 'inventory', engines: ['postgres'], dependsOn: ['identity'], start: (context: ServiceContext) => startInventory(context) },
  // An external card processor's stand-in: its state is in memory, so every placement runs exactly one.
  { name: 'payment-provider', engines: [], dependsOn: ['identity'], start: (context: ServiceContext) => startPaymentProvider(context) },
  { name: 'payments', engines: ['postgres'], dependsOn: ['identity', 'payment-provider'], start: (context: ServiceContext) => startPayments(context) },
  {
    name: 'orders',
    engines: ['postgres', 'broker'],
    dependsOn: ['identity', 'cart', 'inventory', 'payments'],
    start: (context: ServiceContext) => startOrders(context),
  },
  {
    name: 'notifications',
    engines: ['postgres', 'broker'],
    dependsOn: ['identity'],
    start: (context: ServiceContext) => startNotifications(context),
  },
  {
    name: 'gateway',
    engines: ['cache'],
    dependsOn: ['identity', 'catalog', 'cart', 'inventory', 'orders', 'payments', 'payment-provider', 'notifications'],
    public: true,
    // The edge does as much HTTP work as all services behind it together: on a thread of its own, the
    // embedded placement uses a second core instead of queueing both on one event loop.
    thread: 'own',
    start: (context: ServiceContext) => startGateway(context),
  },
] as const satisfies readonly {
  name: string;
  engines: readonly ('postgres' | 'cache' | 'broker')[];
  dependsOn?: readonly string[];
  public?: boolean;
  /** `own`: the embedded placement runs it on a worker thread of its own (still one process, still HTTP). */
  thread?: 'shared' | 'own';
  start(context: ServiceContext): Promise<Service>;
}[];

export type ServiceName = (typeof topology)[number]['name'];
