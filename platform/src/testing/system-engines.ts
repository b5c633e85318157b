import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { dropDatabase, listDatabases } from '../db/server.ts';
import { adminConnection, deleteTopology, testAmqpUrl, uniqueExchange } from './rabbitmq.ts';
import { testRedisUrl } from './redis.ts';

/** A whole system's share of the shared engines: its own databases, Redis keys, exchange and queues. */
export interface SystemEngines {
  /** The environment that points a placement at them (engine URLs, database prefix, key prefixes, exchange). */
  readonly env: Record<string, string>;
  /** Removes everything the system created on the engines, once it has stopped. */
  release(): Promise<void>;
}

/**
 * Engines for one system under test on the shared PostgreSQL, Redis and RabbitMQ servers, named so that nothing
 * collides with another run; `consumers` are the broker consumers whose queues the system declares.
 */
export function systemEngines(databaseServerUrl: string, consumers: readonly string[]): SystemEngines {
  const tag = randomBytes(4).toString('hex');
  const databasePrefix = `bazaar_sys_${tag}_`;
  const keyPrefix = `bazaar-test:${tag}:`;
  const exchange = uniqueExchange('system');
  return {
    env: {
      DATABASE_URL: databaseServerUrl,
      REDIS_URL: testRedisUrl(),
      AMQP_URL: testAmqpUrl(),
      AMQP_EXCHANGE: exchange,
      BAZAAR_DATABASE_PREFIX: databasePrefix,
      CART_REDIS_PREFIX: `${keyPrefix}cart:`,
      CATALOG_CACHE_PREFIX: `${keyPrefix}catalog:`,
      GATEWAY_RATE_LIMIT_PREFIX: `${keyPrefix}ratelimit:`,
    },
    async release() {
      for (const name of await listDatabases(databaseServerUrl, databasePrefix)) await dropDatabase(databaseServerUrl, name);
      const redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 2 });
      try {
        await redis.connect();
        for await (const keys of redis.scanStream({ match: `${keyPrefix}*`, count: 500 }) as AsyncIterable<string[]>) {
          if (keys.length > 0) await redis.del(...keys);
        }
      } finally {
        redis.disconnect();
      }
      const admin = adminConnection();
      try {
        await deleteTopology(admin, exchange, consumers);
      } finally {
        await admin.close();
      }
    },
  };
}
