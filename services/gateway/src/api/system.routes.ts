import type { App } from '@bazaar/platform/http';
import { SystemViewSchema, type GatewayRoute } from '../contract/index.ts';
import type { EdgeGuard } from '../app/edge-guard.ts';
import type { SystemViewReader } from '../app/system-view.ts';

const SYSTEM_ROUTE: GatewayRoute = { path: '/api/admin/system', service: 'gateway', access: 'admin' };

/** `GET /api/admin/system`: every service and replica, circuits, outbox lag and dead letters (admin only). */
export async function systemRoutes(app: App, options: { view: SystemViewReader; guard: EdgeGuard }): Promise<void> {
  app.get(
    SYSTEM_ROUTE.path,
    {
      onRequest: (request, reply) => options.guard(SYSTEM_ROUTE, request, reply),
      schema: { tags: ['admin'], summary: 'The running system: services, replicas, circuits, messaging', response: { 200: SystemViewSchema } },
    },
    async (request) => options.view.read(request.headers.authorization ?? ''),
  );
}
