import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { FileMigrationProvider, Migrator } from 'kysely/migration';
import pg from 'pg';
import type { Logger } from '../telemetry/logger.ts';
import { listen, type Listener, type OnNotify } from './listener.ts';
import { PreparingClient } from './preparing-client.ts';
import { pgTypes } from './types.ts';
import { databaseUrl, ensureDatabase } from './server.ts';

export interface DatabaseOptions {
  /** A PostgreSQL server URL; the service's own database on it is created if missing. */
  readonly serverUrl: string;
  /** The service's database, e.g. `bazaar_catalog`. */
  readonly name: string;
  /** The folder of this service's migrations (`store/migrations`). */
  readonly migrationsFolder: string;
  readonly logger: Logger;
  readonly poolSize?: number;
}

export interface Database<DB> {
  readonly db: Kysely<DB>;
  readonly pool: pg.Pool;
  /** Resolves when a trivial query succeeds; used by `/readyz`. */
  check(): Promise<void>;
  /** Calls `onNotify` whenever a transaction that ran `NOTIFY channel` commits (see `listen`); closed with the database. */
  listen(channel: string, onNotify: OnNotify): Listener;
  close(): Promise<void>;
}

/**
 * Opens a service's database: creates it on the server if needed, runs its migrations (Kysely's migrator
 * holds an advisory lock, so replicas starting together migrate once), and returns a Kysely handle.
 */
export async function openDatabase<DB>(options: DatabaseOptions): Promise<Database<DB>> {
  await ensureDatabase(options.serverUrl, options.name);
  const connectionString = databaseUrl(options.serverUrl, options.name);
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    idleTimeoutMillis: 30_000,
    // A caller that cannot get a connection for this long fails (and its work is retried) instead of waiting
    // forever behind connections that may never come back.
    connectionTimeoutMillis: 10_000,
    types: pgTypes,
    application_name: options.name,
    // Each connection prepares the statements it runs, so PostgreSQL parses them once, not on every call.
    Client: PreparingClient,
  });
  pool.on('error', (error) => options.logger.error({ err: error }, 'idle database connection failed'));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });

  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: options.migrationsFolder }),
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') options.logger.info({ migration: result.migrationName }, 'migration applied');
    if (result.status === 'Error') options.logger.error({ migration: result.migrationName }, 'migration failed');
  }
  if (error) {
    await db.destroy();
    throw error;
  }

  const listeners = new Set<Listener>();
  return {
    db,
    pool,
    async check() {
      await sql`SELECT 1`.execute(db);
    },
    listen(channel, onNotify) {
      const listener = listen({ connectionString, channel, logger: options.logger, onNotify });
      listeners.add(listener);
      return {
        async close() {
          listeners.delete(listener);
          await listener.close();
        },
      };
    },
    async close() {
      await Promise.all([...listeners].map((listener) => listener.close()));
      listeners.clear();
      await db.destroy();
    },
  };
}
