import { loadConfig } from '@bazaar/platform/config';
import { createService, createServiceClients, type Service, type ServiceContext } from '@bazaar/platform/http';
import { registerEdgeSecurity } from './api/edge-security.plugin.ts';
import { docsRoutes } from './api/docs.routes.ts';
import { proxyRoutes } from './api/proxy.routes.ts';
import { storefrontRoutes } from './api/storefront.routes.ts';
import { systemRoutes } from './api/system.routes.ts';
import { createApiDocs } from './app/api-docs.ts';
import { createEdgeAuth, createIdentityVerifier } from './app/edge-auth.ts';
import { createEdgeGuard } from './app/edge-guard.ts';
import { createEdgeRateLimits } from './app/edge-rate-limits.ts';
import { corsOrigins, GatewayConfigSchema } from './app/gateway.config.ts';
import { createSystemView } from './app/system-view.ts';
import { ROUTE_TABLE, routedServices } from './domain/route-table.ts';

const VERSION = '0.1.0';
/** How long a replica has to answer a probe (readiness, the system view) before it counts as down. */
const PROBE_TIMEOUT_MS = 1_000;

/**
 * The API gateway: the one public entry point. It routes public paths to their owning services through
 * load-balanced, breaker-protected clients, checks tokens and roles at the edge, rate-limits per address
 * and per user, adds security headers, and serves the merged API documentation.
 */
export async function startGateway(context: ServiceContext): Promise<Service> {
  const config = loadConfig(GatewayConfigSchema, context.env);
  const service = await createService({
    name: 'gateway',
    logger: context.logger,
    version: VERSION,
    description: 'The public entry point of Bazaar',
    bodyLimit: config.GATEWAY_BODY_LIMIT_BYTES,
    trustProxy: config.GATEWAY_TRUST_PROXY,
  });
  const clients = createServiceClients({
    discovery: context.discovery,
    caller: 'gateway',
    timeoutMs: config.GATEWAY_UPSTREAM_TIMEOUT_MS,
    registry: service.metrics.registry,
    logger: context.logger,
  });
  service.onClose(() => clients.close());
  const limits = createEdgeRateLimits(config, context.redisUrl, context.logger);
  service.onClose(() => limits.close());
  const guard = createEdgeGuard(createEdgeAuth(createIdentityVerifier(context.discovery)), limits);
  const docs = createApiDocs({ clients, discovery: context.discovery, cacheMs: config.GATEWAY_DOCS_CACHE_MS, logger: context.logger, version: VERSION });

  await registerEdgeSecurity(service.app, corsOrigins(config));
  await service.app.register(proxyRoutes, { table: ROUTE_TABLE, clients, guard, bodyLimit: config.GATEWAY_BODY_LIMIT_BYTES, trustProxy: config.GATEWAY_TRUST_PROXY });
  await service.app.register(docsRoutes, { docs, guard });
  const view = createSystemView({ clients, discovery: context.discovery, services: routedServices(), probeTimeoutMs: PROBE_TIMEOUT_MS, logger: context.logger });
  await service.app.register(systemRoutes, { view, guard });
  if (config.BAZAAR_STOREFRONT_DIR) await service.app.register(storefrontRoutes, { root: config.BAZAAR_STOREFRONT_DIR, guard });

  // A service with no replica registered is not deployed in this placement (its routes answer 503); one
  // that is registered must have a replica answering its health check.
  for (const name of routedServices()) {
    service.addReadinessCheck({
      name,
      async check() {
        if (context.discovery.urls(name).length === 0) return;
        await clients.for(name).request({ method: 'GET', path: '/healthz', timeoutMs: PROBE_TIMEOUT_MS, idempotent: true });
      },
    });
  }
  service.addReadinessCheck({ name: 'rate-limits', check: () => limits.check() });
  return service;
}
