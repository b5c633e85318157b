import type { Service, ServiceContext } from '@bazaar/platform/http';

type Start = (context: ServiceContext) => Promise<Service>;

/**
 * The whole system in one table: every service, in start order, with what it needs from its placement.
 * Placements (embedded-placement.ts here, cluster and Kubernetes later) read this table; services never read it.
 */
export const topology = [
  { name: 'identity', engines: ['postgres'], load: async (): Promise<Start> => (await import('@bazaar/identity/main')).startIdentity },
  { name: 'catalog', engines: ['postgres', 'cache'], dependsOn: ['identity'], load: async (): Promise<Start> => (await import('@bazaar/catalog/main')).startCatalog },
  { name: 'cart', engines: ['cache'], dependsOn: ['identity', 'catalog'], load: async (): Promise<Start> => (await import('@bazaar/cart/main')).startCart },
  { name: 'inventory', engines: ['postgres'], dependsOn: ['identity'], load: async (): Promise<Start> => (await import('@bazaar/inventory/main')).startInventory },
  // An external card processor's stand-in: its state is in memory, so every placement runs exactly one.
  { name: 'payment-provider', engines: [], dependsOn: ['identity'], load: async (): Promise<Start> => (await import('@bazaar/payment-provider/main')).startPaymentProvider },
  { name: 'payments', engines: ['postgres'], dependsOn: ['identity', 'payment-provider'], load: async (): Promise<Start> => (await import('@bazaar/payments/main')).startPayments },
  {
    name: 'orders',
    engines: ['postgres', 'broker'],
    dependsOn: ['identity', 'cart', 'inventory', 'payments'],
    load: async (): Promise<Start> => (await import('@bazaar/orders/main')).startOrders,
  },
  {
    name: 'notifications',
    engines: ['postgres', 'broker'],
    dependsOn: ['identity'],
    load: async (): Promise<Start> => (await import('@bazaar/notifications/main')).startNotifications,
  },
  {
    name: 'gateway',
    engines: ['cache'],
    dependsOn: ['identity', 'catalog', 'cart', 'inventory', 'orders', 'payments', 'payment-provider', 'notifications'],
    public: true,
    // The edge does as much HTTP work as all services behind it together: on a thread of its own, the
    // embedded placement uses a second core instead of queueing both on one event loop.
    thread: 'own',
    load: async (): Promise<Start> => (await import('@bazaar/gateway/main')).startGateway,
  },
] as const satisfies readonly {
  name: string;
  engines: readonly ('postgres' | 'cache' | 'broker')[];
  dependsOn?: readonly string[];
  public?: boolean;
  /** `own`: the embedded placement runs it on a worker thread of its own (still one process, still HTTP). */
  thread?: 'shared' | 'own';
  /** Loads the service's code (only where it runs: a thread loads its own service, not the others) and gives its start. */
  load(): Promise<Start>;
}[];

export type ServiceName = (typeof topology)[number]['name'];
