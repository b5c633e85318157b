import { fileURLToPath } from 'node:url';
import { createTokenVerifier } from '@bazaar/platform/auth';
import { loadConfig } from '@bazaar/platform/config';
import { openDatabase } from '@bazaar/platform/db';
import { unwrap } from '@bazaar/platform/errors';
import { createService, type Service, type ServiceContext } from '@bazaar/platform/http';
import { attachMessaging, type Broker } from '@bazaar/platform/messaging';
import { registerAuthRoutes } from './api/auth.routes.ts';
import { registerKeyRoutes } from './api/keys.routes.ts';
import { registerRefreshCookie } from './api/refresh-cookie.ts';
import { registerProfileRoutes } from './api/profile.routes.ts';
import { ensureAdmin, type EnsureAdminInput } from './app/ensure-admin.use-case.ts';
import { IdentityConfig } from './app/identity.config.ts';
import { createPasswordHasher } from './app/password.hasher.ts';
import { createSessionTokens } from './app/session-token.issuer.ts';
import { openSigningKeyRing } from './app/signing-key.ring.ts';
import { createIdentityStore } from './store/identity.store.ts';
import type { IdentityTables } from './store/identity.tables.ts';

export type { EnsureAdminInput } from './app/ensure-admin.use-case.ts';

/** Identity as a placement runs it: the HTTP service, plus the start-up step that provisions the admin. */
export interface IdentityService extends Service {
  /** Creates the admin account, or grants the admin role to the account with that address. */
  ensureAdmin(input: EnsureAdminInput): Promise<void>;
}

// Identity's requests are a few short strings; anything larger is not a request it serves.
const BODY_LIMIT_BYTES = 16 * 1024;

/** What a test may replace. */
export interface IdentityOverrides {
  /** The broker `user.registered` goes to, owned by the caller; by default RabbitMQ when `AMQP_URL` is set, else in-process. */
  readonly broker?: Broker;
}

/** Builds the identity service (accounts, sessions, signing keys) without listening. */
export async function startIdentity(context: ServiceContext, overrides: IdentityOverrides = {}): Promise<IdentityService> {
  const config = loadConfig(IdentityConfig, context.env);
  const { logger } = context;
  const database = await openDatabase<IdentityTables>({
    serverUrl: context.databaseServerUrl,
    name: context.databaseName ?? 'bazaar_identity',
    migrationsFolder: fileURLToPath(new URL('./store/migrations', import.meta.url)),
    logger,
  });
  try {
    const store = createIdentityStore(database.db);
    const hasher = await createPasswordHasher({ memoryKib: config.IDENTITY_ARGON2_MEMORY_KIB, timeCost: config.IDENTITY_ARGON2_TIME_COST });
    const keyRing = await openSigningKeyRing(store);
    const tokens = createSessionTokens({
      keyRing,
      accessTokenTtlSeconds: config.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: config.IDENTITY_REFRESH_TOKEN_TTL_DAYS,
    });
    const verifier = createTokenVerifier({ keys: keyRing.resolveKey });
    const limits = {
      maxFailuresPerEmail: config.IDENTITY_LOGIN_MAX_FAILURES_PER_EMAIL,
      maxFailuresPerIp: config.IDENTITY_LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: config.IDENTITY_LOGIN_FAILURE_WINDOW_SECONDS,
    };

    const service = await createService({
      name: 'identity',
      logger,
      description: 'Accounts, sessions and the keys that sign access tokens',
      bodyLimit: BODY_LIMIT_BYTES,
      // Behind the gateway: the client address is the one it forwards.
      trustProxy: true,
    });
    service.addReadinessCheck({ name: 'postgres', check: () => database.check() });
    service.onClose(() => database.close());
    const messaging = attachMessaging<IdentityTables>(service, { name: 'identity', database, env: context.env, logger, broker: overrides.broker, verifier });
    await messaging.start();

    await registerRefreshCookie(service.app);
    registerAuthRoutes(service.app, {
      store,
      hasher,
      tokens,
      limits,
      logger,
      outbox: messaging.outbox,
      refreshTokenTtlSeconds: config.IDENTITY_REFRESH_TOKEN_TTL_DAYS * 24 * 3600,
    });
    registerProfileRoutes(service.app, { store, verifier });
    registerKeyRoutes(service.app, { store, keyRing, verifier, accessTokenTtlSeconds: config.IDENTITY_ACCESS_TOKEN_TTL_SECONDS });

    return {
      ...service,
      async ensureAdmin(input) {
        unwrap(await ensureAdmin({ store, hasher }, input));
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
