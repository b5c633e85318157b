import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Kysely } from '@bazaar/platform/db';
import { staticDiscovery } from '@bazaar/platform/http';
import { createInProcessBroker, InProcessBus, type Broker, type Message } from '@bazaar/platform/messaging';
import { createTestIssuer, testDatabase, testLogger, type TestIssuer } from '@bazaar/platform/testing';
import { startNotifications, type NotificationsOverrides, type NotificationsService } from '@bazaar/notifications/main';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { NotificationsTables } from '../../src/store/notifications.tables.ts';

/** A running notifications service on a throwaway database and mailbox, with SQL for assertions. */
export interface NotificationsFixture {
  readonly service: NotificationsService;
  readonly broker: Broker;
  readonly sql: pg.Pool;
  /** The service's database, to drive its repositories directly. */
  readonly db: Kysely<NotificationsTables>;
  readonly issuer: TestIssuer;
  readonly mailboxDir: string;
  /** Publishes messages on the broker, as their producers' relays would. */
  publish(...messages: Message[]): Promise<void>;
  /** Publishes a body as it is, however broken. */
  publishRaw(id: string, type: string, body: string): Promise<void>;
  request(method: 'GET' | 'POST', url: string, options?: { body?: unknown; token?: string }): Promise<LightMyRequestResponse>;
  /** The `.eml` files in the mailbox, by name. */
  mailbox(): Promise<string[]>;
  readMail(file: string): Promise<string>;
  count(table: 'notifications' | 'emails' | 'inbox' | 'dead_letters', where?: string): Promise<number>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  readonly env?: Record<string, string>;
  /** The broker to consume from (closed by the fixture); by default an in-process bus of this fixture's own. */
  readonly broker?: Broker;
  readonly transport?: NotificationsOverrides['transport'];
}

export async function startNotificationsFixture(options: FixtureOptions = {}): Promise<NotificationsFixture> {
  const database = testDatabase('notifications');
  const issuer = await createTestIssuer();
  const mailboxDir = await mkdtemp(path.join(tmpdir(), 'bazaar-mailbox-'));
  const logger = testLogger('notifications');
  const broker = options.broker ?? createInProcessBroker({ bus: new InProcessBus(logger), logger });
  const service = await startNotifications(
    {
      databaseServerUrl: database.serverUrl,
      databaseName: database.name,
      logger,
      discovery: staticDiscovery({}),
      env: { NOTIFICATIONS_MAILBOX_DIR: mailboxDir, NOTIFICATIONS_EMAIL_POLL_MS: '50', ...options.env },
    },
    { verifier: issuer.verifier, broker, ...(options.transport ? { transport: options.transport } : {}) },
  );
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });
  const direct = await openDatabase<NotificationsTables>({
    serverUrl: database.serverUrl,
    name: database.name,
    migrationsFolder: path.join(import.meta.dirname, '../../src/store/migrations'),
    logger,
    poolSize: 2,
  });

  return {
    service,
    broker,
    sql,
    db: direct.db,
    issuer,
    mailboxDir,
    publish: (...messages) => broker.publish(messages.map((message) => ({ id: message.id, type: message.type, body: JSON.stringify(message) }))),
    publishRaw: (id, type, body) => broker.publish([{ id, type, body }]),
    request(method, url, { body, token } = {}) {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
      return service.app.inject({ method, url, headers, ...(body !== undefined && { payload: JSON.stringify(body) }) });
    },
    async mailbox() {
      return (await readdir(mailboxDir)).filter((name) => name.endsWith('.eml')).sort();
    },
    readMail: (file) => readFile(path.join(mailboxDir, file), 'utf8'),
    async count(table, where = 'true') {
      const { rows } = await sql.query<{ count: string }>(`SELECT count(*) FROM ${table} WHERE ${where}`);
      return Number(rows[0]!.count);
    },
    async close() {
      await service.close();
      await broker.close();
      await sql.end();
      await direct.close();
      await database.drop();
      await rm(mailboxDir, { recursive: true, force: true });
    },
  };
}
