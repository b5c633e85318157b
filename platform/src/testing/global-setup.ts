import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded-server.ts';
import { createLogger } from '../telemetry/logger.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

let embedded: EmbeddedServer | undefined;
let dataDir: string | undefined;

/**
 * One PostgreSQL server for the whole test run: the one `DATABASE_URL` names (CI), otherwise an embedded
 * server in a temporary directory. Each test file creates and drops its own databases on it.
 */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env['DATABASE_URL'];
  if (!url) {
    if (process.env['CI'] === 'true') throw new Error('CI=true requires DATABASE_URL to name a PostgreSQL server');
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bazaar-test-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir, logger: createLogger('test-postgres', 'warn') });
    url = embedded.url;
  }
  project.provide('databaseServerUrl', url);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
