import { staticDiscovery } from '@bazaar/platform/http';
import { testDatabase, testLogger } from '@bazaar/platform/testing';
import { startIdentity, type IdentityService } from '@bazaar/identity/main';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';

/** Argon2 at its cheapest, so that tests spend their time on behaviour rather than on hashing. */
const FAST_HASHING = { IDENTITY_ARGON2_MEMORY_KIB: '256', IDENTITY_ARGON2_TIME_COST: '1' };

/** A running identity service on a throwaway database, with direct SQL access for assertions. */
export interface IdentityFixture {
  readonly service: IdentityService;
  readonly sql: pg.Pool;
  /** Starts a second service on the same database, as a restart or another replica would. */
  startReplica(env?: Record<string, string>): Promise<IdentityService>;
  countUsers(): Promise<number>;
  close(): Promise<void>;
}

export async function startIdentityFixture(env: Record<string, string> = {}): Promise<IdentityFixture> {
  const database = testDatabase('identity');
  const replicas: IdentityService[] = [];
  const start = async (extra: Record<string, string>) => {
    const service = await startIdentity({
      databaseServerUrl: database.serverUrl,
      databaseName: database.name,
      logger: testLogger('identity'),
      discovery: staticDiscovery({}),
      env: { ...FAST_HASHING, ...env, ...extra },
    });
    replicas.push(service);
    return service;
  };
  const service = await start({});
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });
  return {
    service,
    sql,
    startReplica: (extra = {}) => start(extra),
    async countUsers() {
      const { rows } = await sql.query<{ count: string }>('SELECT count(*) FROM users');
      return Number(rows[0]!.count);
    },
    async close() {
      await sql.end();
      for (const replica of replicas) await replica.close();
      await database.drop();
    },
  };
}

let nextAddress = 1;
/** A client address no other test in this file uses, so that per-IP failure counts do not leak between tests. */
export function freshClientIp(): string {
  const n = nextAddress++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

let nextUser = 1;
/** Registration details that pass every rule, unique within the test run. */
export function newAccount(overrides: Partial<{ email: string; password: string; name: string }> = {}) {
  const n = `${Date.now().toString(36)}${nextUser++}`;
  return { email: `shopper.${n}@example.com`, password: `violet-harbour-${n}`, name: `Shopper ${n}`, ...overrides };
}

export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** Calls identity the way the gateway does, naming the client in `X-Forwarded-For`. */
export function identityClient(service: IdentityService, clientIp = freshClientIp()) {
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    service.app.inject({ method: 'POST', url, payload: payload as object, headers: { 'x-forwarded-for': clientIp, ...headers } });
  return {
    register: (account: unknown) => post('/api/auth/register', account),
    login: ({ email, password }: { email: string; password: string }) => post('/api/auth/login', { email, password }),
    refresh: (refreshToken: string) => post('/api/auth/refresh', { refreshToken }),
    logout: (refreshToken: string) => post('/api/auth/logout', { refreshToken }),
    rotateKeys: (accessToken: string) => post('/api/admin/keys/rotate', {}, bearer(accessToken)),
    me: (headers: Record<string, string> = {}) => service.app.inject({ method: 'GET', url: '/api/me', headers }),
    jwks: () => service.app.inject({ method: 'GET', url: '/.well-known/jwks.json' }),
    /** Registers the account and signs it in. */
    async signUp(account = newAccount()) {
      const registered = await post('/api/auth/register', account);
      if (registered.statusCode !== 201) throw new Error(`registration failed: ${registered.body}`);
      const loggedIn = await post('/api/auth/login', { email: account.email, password: account.password });
      if (loggedIn.statusCode !== 200) throw new Error(`login failed: ${loggedIn.body}`);
      return { account, user: json<{ id: string }>(registered), tokens: json<{ accessToken: string; refreshToken: string }>(loggedIn) };
    },
  };
}
