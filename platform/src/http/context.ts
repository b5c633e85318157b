import type { Logger } from '../telemetry/logger.ts';

/** Where the replicas of each service listen; filled by the placement (topology), read by callers. */
export interface Discovery {
  /** Base URLs of the live replicas of `service` (e.g. `http://127.0.0.1:41233`); empty when unknown. */
  urls(service: string): readonly string[];
}

/** A fixed discovery table: embedded and cluster placements know their replicas when they start them. */
export function staticDiscovery(table: Record<string, readonly string[]>): Discovery & { set(service: string, urls: readonly string[]): void } {
  const entries = new Map(Object.entries(table));
  return {
    urls: (service) => entries.get(service) ?? [],
    set: (service, urls) => void entries.set(service, urls),
  };
}

/** What a placement hands to a service's `main.ts`: its engines by URL, its logger and its peers. */
export interface ServiceContext {
  /** A PostgreSQL server; the service keeps its own database on it. */
  readonly databaseServerUrl: string;
  /** The service's database name (default `bazaar_<service>`); tests pass a throwaway one. */
  readonly databaseName?: string;
  /** Redis for cache and shared state; absent in the embedded placement (in memory instead). */
  readonly redisUrl?: string | undefined;
  readonly logger: Logger;
  readonly discovery: Discovery;
  /** Environment for the service's own settings (validated by its config schema). */
  readonly env: Readonly<Record<string, string | undefined>>;
}
