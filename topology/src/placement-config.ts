import path from 'node:path';
import { Env, loadConfig } from '@bazaar/platform/config';
import { Type, type Static } from '@sinclair/typebox';

/** Settings of a placement (README: Configuration). Services read their own settings themselves. */
export const PlacementConfig = Type.Object({
  PORT: Env.port(8080),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  BAZAAR_DATA_DIR: Type.String({ default: './data', minLength: 1 }),
  DATABASE_URL: Type.Optional(Env.url(['postgres', 'postgresql'])),
  /** Each service's database is this prefix and the service's name, so two systems can share one server. */
  BAZAAR_DATABASE_PREFIX: Type.String({ default: 'bazaar_', pattern: '^[a-z_][a-z0-9_]{0,40}$' }),
  REDIS_URL: Type.Optional(Env.url(['redis', 'rediss'])),
  LOG_LEVEL: Env.logLevel(),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Env.url(['http', 'https'])),
  BAZAAR_ADMIN_EMAIL: Type.String({ default: 'admin@bazaar.local', pattern: '^[^@\\s]+@[^@\\s]+$' }),
  BAZAAR_ADMIN_PASSWORD: Type.String({ default: 'bazaar-admin-local-only', minLength: 10 }),
  BAZAAR_SEED: Type.Boolean({ default: true }),
  /** The built storefront the gateway serves at `/` (`npm start` builds it there first). */
  BAZAAR_STOREFRONT_DIR: Type.String({ default: path.resolve(import.meta.dirname, '../../apps/storefront/dist'), minLength: 1 }),
});
export type PlacementConfig = Static<typeof PlacementConfig>;

export const DEFAULT_ADMIN_PASSWORD = 'bazaar-admin-local-only';

export function loadPlacementConfig(env: Record<string, string | undefined> = process.env): PlacementConfig {
  return loadConfig(PlacementConfig, env);
}
