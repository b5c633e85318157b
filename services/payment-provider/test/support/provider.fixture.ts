import { staticDiscovery, type Service } from '@bazaar/platform/http';
import { testLogger } from '@bazaar/platform/testing';
import type { Authorization, Faults, ProviderCounters } from '@bazaar/payment-provider/contract';
import { startPaymentProvider } from '@bazaar/payment-provider/main';
import type { LightMyRequestResponse } from 'fastify';
import { createTestIssuer } from '@bazaar/platform/testing';

/** A payment provider driven through `inject()`, with an admin token and a scripted decline dice. */
export interface ProviderFixture {
  readonly service: Service;
  readonly adminToken: string;
  readonly customerToken: string;
  /** The numbers the decline dice will draw next, in order (then 0.99: approve). */
  readonly dice: number[];
  request(method: 'GET' | 'POST' | 'PUT', url: string, options?: { body?: unknown; token?: string }): Promise<LightMyRequestResponse>;
  authorize(body: Record<string, unknown>): Promise<LightMyRequestResponse>;
  /** Authorizes `tok_visa` with a fresh key and expects approval. */
  approved(amountMinor?: number): Promise<Authorization>;
  setFaults(faults: Partial<Faults>): Promise<void>;
  counters(): Promise<ProviderCounters>;
  close(): Promise<void>;
}

export const NO_FAULTS: Faults = { latencyMs: 0, declineRate: 0, outage: false };

let keys = 0;
/** An idempotency key no other test uses. */
export const freshKey = () => `test-${process.pid}-${Date.now()}-${++keys}`;

export async function startProviderFixture(): Promise<ProviderFixture> {
  const issuer = await createTestIssuer();
  const dice: number[] = [];
  const service = await startPaymentProvider(
    { databaseServerUrl: 'postgres://unused', logger: testLogger('payment-provider'), discovery: staticDiscovery({}), env: {} },
    { verifier: issuer.verifier, random: () => dice.shift() ?? 0.99 },
  );
  const adminToken = await issuer.token({ roles: ['customer', 'admin'] });
  const request: ProviderFixture['request'] = (method, url, { body, token } = {}) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    return service.app.inject({ method, url, headers, ...(body !== undefined && { payload: JSON.stringify(body) }) });
  };
  const authorize = (body: Record<string, unknown>) => request('POST', '/v1/authorizations', { body });
  return {
    service,
    adminToken,
    customerToken: await issuer.token({ roles: ['customer'] }),
    dice,
    request,
    authorize,
    async approved(amountMinor = 2500) {
      const response = await authorize({ amountMinor, currency: 'USD', token: 'tok_visa', idempotencyKey: freshKey() });
      if (response.statusCode !== 201) throw new Error(`authorize answered ${response.statusCode}: ${response.body}`);
      return response.json<Authorization>();
    },
    async setFaults(faults) {
      const response = await request('PUT', '/api/admin/payment-provider/faults', { token: adminToken, body: { ...NO_FAULTS, ...faults } });
      if (response.statusCode !== 200) throw new Error(`setting faults answered ${response.statusCode}: ${response.body}`);
    },
    async counters() {
      return (await request('GET', '/api/admin/payment-provider/counters', { token: adminToken })).json<ProviderCounters>();
    },
    close: () => service.close(),
  };
}

/** Asserts a problem+json answer with this status and code. */
export function problemOf(response: LightMyRequestResponse): { status: number; code: string; contentType: string | undefined } {
  const body = response.json<{ status: number; code: string }>();
  return { status: response.statusCode, code: body.code, contentType: response.headers['content-type']?.toString().split(';')[0] };
}
