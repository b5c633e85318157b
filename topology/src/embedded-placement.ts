import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConfigError } from '@bazaar/platform/config';
import { startEmbeddedPostgres } from '@bazaar/platform/db';
import { onShutdownSignal, staticDiscovery, type Service } from '@bazaar/platform/http';
import { createLogger, installTracing } from '@bazaar/platform/telemetry';
import { DataDirBusyError, lockDataDir } from './data-dir-lock.ts';
import { DEFAULT_ADMIN_PASSWORD, loadPlacementConfig, type PlacementConfig } from './placement-config.ts';
import type { LauncherMessage, ServiceThreadData, ServiceThreadMessage, ServiceThreadOptions } from './service-thread.ts';
import { topology } from './services.ts';

/** A running embedded placement: every service in this process, on loopback ports, over HTTP. */
export interface RunningSystem {
  readonly url: string;
  /** Base URL of each service. */
  readonly services: ReadonlyMap<string, string>;
  stop(): Promise<void>;
}

/** Every SKU in the catalog, read through its public API as any other service would. */
async function catalogSkus(catalogUrl: string): Promise<string[]> {
  const skus: string[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '100', sort: 'newest', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${catalogUrl}/api/products?${query}`);
    if (!response.ok) throw new Error(`catalog answered ${response.status} while listing products`);
    const page = (await response.json()) as { items: { sku: string }[]; nextCursor: string | null };
    skus.push(...page.items.map((item) => item.sku));
    cursor = page.nextCursor;
  } while (cursor);
  return skus;
}

/** How long a service thread has to close its service before the thread is ended anyway. */
const THREAD_STOP_MS = 15_000;

/** A service's worker thread: made before its service can start, so that its modules load meanwhile. */
interface ServiceThread {
  /** Hands the thread its service's settings and resolves once the service listens. */
  start(data: ServiceThreadData): Promise<string>;
  stop(): Promise<void>;
}

/** Makes a worker thread for service `name` of this process; its modules start loading at once. */
function serviceThread(name: string, onSlowStop: () => void): ServiceThread {
  const worker = new Worker(new URL('./service-thread.ts', import.meta.url), {
    workerData: { name } satisfies ServiceThreadOptions,
    // A heap of its own, sized for the edge: it holds no data, only requests in flight.
    resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 128 },
  });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the ${name} thread exited with ${code} before listening`)));
  });
  // Observed by start(); a thread that ends after it listens is no start-up failure.
  failed.catch(() => undefined);
  let started = false;
  let exited = false;
  worker.once('exit', () => (exited = true));
  let stopping: Promise<void> | undefined;
  async function stop(): Promise<void> {
    if (started && !exited) {
      const closed = new Promise<boolean>((resolve) => {
        worker.on('message', (message: ServiceThreadMessage) => message.type === 'stopped' && resolve(true));
        worker.once('exit', () => resolve(true));
      });
      worker.postMessage('stop' satisfies LauncherMessage);
      let timer: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([closed, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), THREAD_STOP_MS)))]);
      clearTimeout(timer);
      if (!inTime) onSlowStop();
    }
    // Once its service has closed (or ran out of time), nothing on the thread is worth waiting for: a handle
    // left open there (a keep-alive socket, a timer) must not hold the whole system's shutdown.
    await worker.terminate();
  }
  return {
    async start(data) {
      started = true;
      const listening = new Promise<string>((resolve) => {
        worker.on('message', (message: ServiceThreadMessage) => {
          if (message.type === 'listening') resolve(message.url);
        });
      });
      worker.postMessage({ type: 'start', data } satisfies LauncherMessage);
      return Promise.race([listening, failed]);
    },
    stop() {
      stopping ??= stop();
      return stopping;
    },
  };
}

/**
 * Starts the embedded placement: locks the data directory, starts the embedded PostgreSQL server (unless
 * DATABASE_URL names one), starts every service of the topology on its own loopback port, seeds the demo
 * catalog and the admin account on first start, and puts the gateway on PORT.
 */
export async function startEmbedded(config: PlacementConfig, env: Record<string, string | undefined> = process.env): Promise<RunningSystem> {
  const log = createLogger('embedded', config.LOG_LEVEL);
  const dataDir = path.resolve(config.BAZAAR_DATA_DIR);
  const lock = lockDataDir(dataDir);
  const stops: { name: string; stop: () => Promise<void> }[] = [{ name: 'data-dir lock', stop: async () => lock.release() }];
  const stopAll = async () => {
    for (const { name, stop } of stops.reverse()) {
      const began = performance.now();
      try {
        await stop();
        const ms = Math.round(performance.now() - began);
        // A slow stop is what to look at when a shutdown runs out of its grace period.
        log[ms > 2_000 ? 'warn' : 'info']({ stopped: name, ms }, 'component stopped');
      } catch (error) {
        log.error({ err: error, component: name }, 'failed to stop a component');
      }
    }
  };

  const startPostgres = async () => {
    const postgres = await startEmbeddedPostgres({ dataDir, logger: log });
    stops.push({ name: 'embedded PostgreSQL', stop: () => postgres.stop() });
    return postgres.url;
  };

  try {
    // Threads load their modules while the database and the services on this thread start.
    const threads = new Map<string, ServiceThread>();
    for (const entry of topology) {
      if (!('thread' in entry && entry.thread === 'own')) continue;
      const thread = serviceThread(entry.name, () => log.warn({ service: entry.name, waitedMs: THREAD_STOP_MS }, 'the service thread did not close in time: ending it'));
      threads.set(entry.name, thread);
      // Ended last should start-up fail before the thread's service starts; once it has, it stops in its turn.
      stops.push({ name: `${entry.name} thread`, stop: () => thread.stop() });
    }
    // The code of the services on this thread loads while the database starts.
    const loads = new Map(topology.filter((entry) => !threads.has(entry.name)).map((entry) => [entry.name, entry.load()]));
    for (const load of loads.values()) load.catch(() => undefined);
    installTracing({ processName: 'bazaar-embedded', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
    const databaseServerUrl = config.DATABASE_URL || (await startPostgres());

    // Without a built storefront (started without `npm start`'s build step) the gateway serves the API alone.
    const storefrontDir = path.resolve(config.BAZAAR_STOREFRONT_DIR);
    const hasStorefront = existsSync(path.join(storefrontDir, 'index.html'));
    if (!hasStorefront) log.warn({ storefrontDir }, 'no built storefront: serving the API only (run npm run build:storefront)');
    const serviceEnv = hasStorefront ? { ...env, BAZAAR_STOREFRONT_DIR: storefrontDir } : env;

    const discovery = staticDiscovery({});
    const table: Record<string, readonly string[]> = {};
    const inProcess = new Map<string, Service>();
    type Entry = (typeof topology)[number];
    async function startService(entry: Entry): Promise<void> {
      const isPublic = 'public' in entry && entry.public;
      const port = isPublic ? config.PORT : 0;
      const host = isPublic ? config.HOST : '127.0.0.1';
      const databaseName = `${config.BAZAAR_DATABASE_PREFIX}${entry.name.replaceAll('-', '_')}`;
      let url: string;
      const thread = threads.get(entry.name);
      if (thread) {
        url = await thread.start({
          databaseServerUrl,
          databaseName,
          redisUrl: config.REDIS_URL,
          discovery: { ...table },
          env: { ...serviceEnv },
          port,
          host,
          logLevel: config.LOG_LEVEL,
          otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
        });
        stops.push({ name: entry.name, stop: () => thread.stop() });
      } else {
        const start = await loads.get(entry.name)!;
        const service = await start({
          databaseServerUrl,
          databaseName,
          redisUrl: config.REDIS_URL,
          logger: createLogger(entry.name, config.LOG_LEVEL),
          discovery,
          env: serviceEnv,
        });
        stops.push({ name: entry.name, stop: () => service.close() });
        url = await service.listen(port, host);
        inProcess.set(entry.name, service);
      }
      table[entry.name] = [url];
      discovery.set(entry.name, [url]);
      log.info({ started: entry.name, url }, 'service listening');
    }
    // Each service starts once those it depends on listen, side by side with the others whose turn it is; it
    // stops before them, since stops run in reverse.
    const starting = new Map<string, Promise<void>>();
    const startInTurn = (entry: Entry): Promise<void> => {
      let started = starting.get(entry.name);
      if (!started) {
        const dependencies = ('dependsOn' in entry ? entry.dependsOn : []).map((name) => startInTurn(topology.find((e) => e.name === name)!));
        started = Promise.all(dependencies).then(() => startService(entry));
        starting.set(entry.name, started);
      }
      return started;
    };
    const outcomes = await Promise.allSettled(topology.map(startInTurn));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;

    const identity = inProcess.get('identity') as Service & { ensureAdmin(input: { email: string; password: string; name: string }): Promise<void> };
    await identity.ensureAdmin({ email: config.BAZAAR_ADMIN_EMAIL, password: config.BAZAAR_ADMIN_PASSWORD, name: 'Administrator' });
    if (config.BAZAAR_SEED) {
      const catalog = inProcess.get('catalog') as Service & { seedIfEmpty(): Promise<{ created: number }> };
      const { created } = await catalog.seedIfEmpty();
      if (created > 0) log.info({ created }, 'seeded the demo catalog');
      const inventory = inProcess.get('inventory') as Service & { seedIfEmpty(skus: readonly string[]): Promise<{ created: number }> };
      const stocked = await inventory.seedIfEmpty(await catalogSkus(table['catalog']![0]!));
      if (stocked.created > 0) log.info({ created: stocked.created }, 'seeded the demo stock');
    }

    const services = new Map(Object.entries(table).map(([name, urls]) => [name, urls[0]!]));
    return { url: services.get('gateway')!.replace('127.0.0.1', 'localhost'), services, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** `npm start`: starts the embedded placement as configured, prints where it is, and stops it on SIGTERM or Ctrl+C. */
export async function main(): Promise<void> {
  const startedAt = performance.now();
  let config: PlacementConfig;
  let system: RunningSystem;
  try {
    config = loadPlacementConfig();
    system = await startEmbedded(config);
  } catch (error) {
    // Mistakes a user can fix get one clear line; anything else is a bug and keeps its stack.
    if (error instanceof ConfigError || error instanceof DataDirBusyError) {
      console.error(`bazaar: ${error.message}`);
      process.exit(error instanceof ConfigError ? 2 : 1);
    }
    throw error;
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const adminSource =
    config.BAZAAR_ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD
      ? `${config.BAZAAR_ADMIN_EMAIL} / ${DEFAULT_ADMIN_PASSWORD} (the local default; set BAZAAR_ADMIN_EMAIL and BAZAAR_ADMIN_PASSWORD to change it)`
      : `${config.BAZAAR_ADMIN_EMAIL} / the password in BAZAAR_ADMIN_PASSWORD`;
  process.stdout.write(
    [
      '',
      `Bazaar is ready at ${system.url}  (started in ${seconds} s)`,
      `  Storefront: ${system.url}/   Admin console: ${system.url}/admin`,
      `  API docs:   ${system.url}/api/docs`,
      `  Admin:      ${adminSource}`,
      `  Data:       ${path.resolve(config.BAZAAR_DATA_DIR)}`,
      '  Stop with Ctrl+C.',
      '',
    ].join('\n') + '\n',
  );
  // Nine services and a PostgreSQL shutdown checkpoint on a busy disk can take a while: a generous grace period.
  onShutdownSignal(
    createLogger('embedded', config.LOG_LEVEL),
    async () => {
      await system.stop();
      process.stdout.write('Bazaar stopped cleanly.\n');
    },
    30_000,
  );
}

