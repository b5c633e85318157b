import { setTimeout as sleep } from 'node:timers/promises';
import { databaseUrl } from '@bazaar/platform/db';
import { staticDiscovery, type Service } from '@bazaar/platform/http';
import { newId } from '@bazaar/platform/ids';
import type { Broker } from '@bazaar/platform/messaging';
import { testDatabase, testLogger } from '@bazaar/platform/testing';
import type { AuthorizationCounters, Faults, ProviderCounters } from '@bazaar/payment-provider/contract';
// Composition, not coupling: payments' tests run the real provider stand-in, as a placement would, so that the
// HTTP path, timeouts and breaker between them are real. Payments' own code reaches it only through its contract.
import { startPaymentProvider } from '@bazaar/payment-provider/main';
import type { AuthorizePayment, Payment } from '@bazaar/payments/contract';
import { startPayments, type PaymentResult, type PaymentsService } from '@bazaar/payments/main';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { createTestIssuer, type TestIssuer } from '@bazaar/platform/testing';

/** Settings that keep the fault tests short: a one-second attempt limit, quick backoff, a half-second open circuit. */
export const TEST_TIMINGS = {
  PAYMENTS_PROVIDER_TIMEOUT_MS: '1000',
  PAYMENTS_PROVIDER_RETRIES: '2',
  PAYMENTS_PROVIDER_RETRY_DELAY_MS: '20',
  PAYMENTS_PROVIDER_BREAKER_FAILURES: '5',
  PAYMENTS_PROVIDER_HALF_OPEN_MS: '500',
} as const;

export const NO_FAULTS: Faults = { latencyMs: 0, declineRate: 0, outage: false };

/**
 * Payments on a throwaway database and a payment provider, both listening on loopback ports: payments reaches
 * the provider over HTTP through discovery, so its timeouts, retries and breaker are the real ones.
 */
export interface PaymentsFixture {
  readonly payments: PaymentsService;
  readonly provider: Service;
  readonly paymentsUrl: string;
  readonly sql: pg.Pool;
  readonly issuer: TestIssuer;
  readonly adminToken: string;
  authorize(overrides?: Partial<AuthorizePayment>): Promise<PaymentResult>;
  /** A valid authorization for a new order, with the given overrides. */
  order(overrides?: Partial<AuthorizePayment>): AuthorizePayment;
  setFaults(faults: Partial<Faults>): Promise<void>;
  counters(): Promise<ProviderCounters>;
  /** Every authorization the provider made with this payment's authorize key. */
  authorizationsOf(payment: Payment): Promise<AuthorizationCounters[]>;
  countPayments(): Promise<number>;
  request(method: 'GET' | 'POST', url: string, token?: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startPaymentsFixture(env: Record<string, string> = {}, options: { broker?: Broker } = {}): Promise<PaymentsFixture> {
  const database = testDatabase('payments');
  const issuer = await createTestIssuer();
  const discovery = staticDiscovery({});
  const provider = await startPaymentProvider({ databaseServerUrl: database.serverUrl, logger: testLogger('payment-provider'), discovery, env: {} }, { verifier: issuer.verifier });
  discovery.set('payment-provider', [await provider.listen(0)]);
  const payments = await startPayments(
    { databaseServerUrl: database.serverUrl, databaseName: database.name, logger: testLogger('payments'), discovery, env: { ...TEST_TIMINGS, ...env } },
    { verifier: issuer.verifier, ...(options.broker && { broker: options.broker }) },
  );
  const paymentsUrl = await payments.listen(0);
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });
  const adminToken = await issuer.token({ roles: ['customer', 'admin'] });
  const admin = (method: 'GET' | 'PUT', url: string, body?: unknown) =>
    provider.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${adminToken}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
  const order = (overrides: Partial<AuthorizePayment> = {}): AuthorizePayment => ({
    orderId: newId('ord'),
    customerId: newId('usr'),
    amountMinor: 2599,
    currency: 'USD',
    paymentToken: 'tok_visa',
    ...overrides,
  });

  return {
    payments,
    provider,
    paymentsUrl,
    sql,
    issuer,
    adminToken,
    order,
    authorize: (overrides) => payments.useCases.authorizePayment(order(overrides)),
    async setFaults(faults) {
      const response = await admin('PUT', '/api/admin/payment-provider/faults', { ...NO_FAULTS, ...faults });
      if (response.statusCode !== 200) throw new Error(`setting faults answered ${response.statusCode}: ${response.body}`);
    },
    counters: async () => (await admin('GET', '/api/admin/payment-provider/counters')).json<ProviderCounters>(),
    async authorizationsOf(payment) {
      const response = await admin('GET', `/api/admin/payment-provider/authorizations?idempotencyKey=${payment.id}:authorize`);
      return response.json<{ items: AuthorizationCounters[] }>().items;
    },
    async countPayments() {
      const { rows } = await sql.query<{ count: string }>('SELECT count(*) FROM payments');
      return Number(rows[0]!.count);
    },
    request: (method, url, token) =>
      payments.app.inject({ method, url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }),
    async close() {
      await sql.end();
      await payments.close();
      await provider.close();
      await untilDisconnected(database.serverUrl, database.name);
      await database.drop();
    },
  };
}

/**
 * Waits for every connection to the database to be gone: a pg pool's `end()` resolves before its connections
 * have closed, and dropping the database under a closing connection makes that connection raise an error.
 */
async function untilDisconnected(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    for (let waited = 0; waited < 5_000; waited += 20) {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0]!.count === '0') return;
      await sleep(20);
    }
  } finally {
    await client.end();
  }
}

/** The value of a result that must have succeeded. */
export function paymentOf(result: PaymentResult): Payment {
  if (!result.ok) throw new Error(`expected a payment, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
