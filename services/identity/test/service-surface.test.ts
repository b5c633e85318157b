import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdentityPaths } from '@bazaar/identity/contract';
import { json, startIdentityFixture, type IdentityFixture } from './support/identity.fixture.ts';

let fixture: IdentityFixture;
beforeAll(async () => {
  fixture = await startIdentityFixture();
});
afterAll(() => fixture.close());

describe('the identity service', () => {
  it('describes every route of its contract in its OpenAPI document', async () => {
    const response = await fixture.service.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(json<{ paths: Record<string, unknown> }>(response).paths);
    expect(paths).toEqual(expect.arrayContaining(Object.values(IdentityPaths)));
  });

  it('is ready once its database and its broker answer', async () => {
    const response = await fixture.service.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ status: 'ready', checks: [{ name: 'postgres', ok: true }, { name: 'broker', ok: true }], pid: process.pid });
  });

  it('refuses to start with an invalid setting, naming the variable', async () => {
    await expect(fixture.startReplica({ IDENTITY_ACCESS_TOKEN_TTL_SECONDS: 'soon' })).rejects.toThrow(/IDENTITY_ACCESS_TOKEN_TTL_SECONDS/);
  });
});
