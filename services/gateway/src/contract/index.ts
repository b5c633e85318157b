export type { Access, GatewayRoute } from './gateway-route.ts';
