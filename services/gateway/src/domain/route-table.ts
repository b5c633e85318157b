import type { Access, GatewayRoute } from '../contract/index.ts';

/**
 * Every public path and the service that owns it (DESIGN §6). Services serve these paths under the same
 * names, so the gateway forwards them unchanged. Routes of services that are not deployed answer 503.
 */
export const ROUTE_TABLE: readonly GatewayRoute[] = [
  { path: '/api/auth/*', service: 'identity', access: 'public' },
  { path: '/api/me', service: 'identity', access: 'customer' },
  { path: '/.well-known/jwks.json', service: 'identity', access: 'public' },
  { path: '/api/admin/keys*', service: 'identity', access: 'admin' },
  { path: '/api/admin/payment-provider*', service: 'payment-provider', access: 'admin' },
  // Each service keeps its own dead letters; the operator reaches them per service.
  ...['identity', 'inventory', 'orders', 'payments', 'notifications'].map(
    (service): GatewayRoute => ({ path: `/api/admin/dead-letters/${service}*`, service, access: 'admin' }),
  ),
  { path: '/api/products*', service: 'catalog', access: 'public', writeAccess: 'admin' },
  { path: '/api/categories*', service: 'catalog', access: 'public', writeAccess: 'admin' },
  { path: '/api/inventory*', service: 'inventory', access: 'public', writeAccess: 'admin' },
  // Anonymous carts (X-Cart-Id) are served without a token: the cart service decides whose cart a request is.
  { path: '/api/cart*', service: 'cart', access: 'public' },
  { path: '/api/checkout', service: 'orders', access: 'customer' },
  { path: '/api/orders*', service: 'orders', access: 'customer' },
  { path: '/api/payments*', service: 'payments', access: 'customer' },
  { path: '/api/notifications*', service: 'notifications', access: 'customer' },
];

const READ_METHODS = new Set(['GET', 'HEAD']);

/** The router patterns a table path stands for: the exact path, the wildcard below it, or both. */
export function routerPatterns(path: string): string[] {
  if (path.endsWith('/*')) return [path];
  if (path.endsWith('*')) {
    const base = path.slice(0, -1);
    return [base, `${base}/*`];
  }
  return [path];
}

/** The table entry owning `path` (a concrete path or an OpenAPI template), if any. */
export function routeFor(path: string, table: readonly GatewayRoute[] = ROUTE_TABLE): GatewayRoute | undefined {
  return table.find((route) =>
    routerPatterns(route.path).some((pattern) => (pattern.endsWith('/*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern)),
  );
}

/** Who may call `method` on a route. */
export function accessFor(route: GatewayRoute, method: string): Access {
  return READ_METHODS.has(method.toUpperCase()) ? route.access : (route.writeAccess ?? route.access);
}

/** The distinct services the table routes to, in table order. */
export function routedServices(table: readonly GatewayRoute[] = ROUTE_TABLE): string[] {
  return [...new Set(table.map((route) => route.service))];
}
