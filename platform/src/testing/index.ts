import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { databaseUrl, dropDatabase } from '../db/server.ts';
import { createLogger, type Logger } from '../telemetry/logger.ts';

/** The PostgreSQL server of this test run (see global-setup.ts). */
export function testDatabaseServer(): string {
  return inject('databaseServerUrl');
}

/** A fresh database name for one test file; `drop()` removes it. */
export function testDatabase(service: string): { serverUrl: string; name: string; url: string; drop(): Promise<void> } {
  const serverUrl = testDatabaseServer();
  const name = `bazaar_test_${service}_${randomBytes(4).toString('hex')}`;
  return { serverUrl, name, url: databaseUrl(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

/** A logger that stays quiet unless `TEST_LOG_LEVEL` asks for output. */
export function testLogger(service: string): Logger {
  return createLogger(service, (process.env['TEST_LOG_LEVEL'] as 'info' | undefined) ?? 'silent');
}
export { createTestIssuer, type TestIssuer } from './test-issuer.ts';
export { testRedisUrl } from './redis.ts';
export { systemEngines, type SystemEngines } from './system-engines.ts';
export { adminConnection, deleteTopology, publishRaw, queueDepth, testAmqpUrl, uniqueExchange } from './rabbitmq.ts';
