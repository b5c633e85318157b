export type { Access, GatewayRoute } from './gateway-route.ts';
export { ReplicaViewSchema, ServiceViewSchema, SystemViewSchema, type ReplicaView, type ServiceView, type SystemView } from './system.schemas.ts';
