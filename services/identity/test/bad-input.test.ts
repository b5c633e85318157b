import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, identityClient, json, newAccount, startIdentityFixture, type IdentityFixture } from './support/identity.fixture.ts';

let fixture: IdentityFixture;
let adminHeaders: Record<string, string>;
beforeAll(async () => {
  fixture = await startIdentityFixture();
  const admin = newAccount({ email: 'gatekeeper@example.com' });
  await fixture.service.ensureAdmin(admin);
  adminHeaders = bearer(json<{ accessToken: string }>(await identityClient(fixture.service).login(admin)).accessToken);
});
afterAll(() => fixture.close());

interface Route {
  readonly url: string;
  readonly valid: Record<string, unknown>;
  readonly headers?: () => Record<string, string>;
  /** Fields a request may leave out (a browser's refresh token travels in its cookie instead). */
  readonly optional?: readonly string[];
}

const routes: Record<string, Route> = {
  register: { url: '/api/auth/register', valid: { email: 'newcomer@example.com', password: 'violet-harbour-1', name: 'Newcomer' } },
  login: { url: '/api/auth/login', valid: { email: 'newcomer@example.com', password: 'violet-harbour-1' } },
  refresh: { url: '/api/auth/refresh', valid: { refreshToken: 'c29tZS1yZWZyZXNoLXRva2Vu' }, optional: ['refreshToken'] },
  logout: { url: '/api/auth/logout', valid: { refreshToken: 'c29tZS1yZWZyZXNoLXRva2Vu' }, optional: ['refreshToken'] },
  'rotate keys': { url: '/api/admin/keys/rotate', valid: {}, headers: () => adminHeaders },
};

interface BadInput {
  readonly payload: string;
  readonly contentType?: string;
  readonly status: number;
  readonly code: string;
}

const OVERSIZED = 'x'.repeat(20 * 1024);

function badInputs(route: Route): Record<string, BadInput> {
  const fields = Object.keys(route.valid);
  const body = (value: unknown) => JSON.stringify(value);
  const cases: Record<string, BadInput> = {
    'malformed JSON': { payload: '{"email": "a@b.c",', status: 400, code: 'PLATFORM.MALFORMED_JSON' },
    'an empty JSON body': { payload: '', status: 400, code: 'PLATFORM.MALFORMED_JSON' },
    'a JSON array instead of an object': { payload: body([route.valid]), status: 400, code: 'PLATFORM.VALIDATION' },
    'an unknown field': { payload: body({ ...route.valid, isAdmin: true }), status: 400, code: 'PLATFORM.VALIDATION' },
    'an oversized body': { payload: body({ ...route.valid, padding: OVERSIZED }), status: 413, code: 'PLATFORM.PAYLOAD_TOO_LARGE' },
    'a form instead of JSON': {
      payload: 'email=a%40b.c',
      contentType: 'application/x-www-form-urlencoded',
      status: 415,
      code: 'PLATFORM.UNSUPPORTED_MEDIA_TYPE',
    },
  };
  for (const field of fields) {
    cases[`a number for ${field}`] = { payload: body({ ...route.valid, [field]: 12345 }), status: 400, code: 'PLATFORM.VALIDATION' };
    cases[`null for ${field}`] = { payload: body({ ...route.valid, [field]: null }), status: 400, code: 'PLATFORM.VALIDATION' };
    cases[`an empty ${field}`] = { payload: body({ ...route.valid, [field]: '' }), status: 400, code: 'PLATFORM.VALIDATION' };
    if (route.optional?.includes(field)) continue;
    const { [field]: _missing, ...rest } = route.valid;
    cases[`no ${field}`] = { payload: body(rest), status: 400, code: 'PLATFORM.VALIDATION' };
  }
  return cases;
}

async function rowCounts(): Promise<Record<string, number>> {
  const { rows } = await fixture.sql.query<{ users: number; refresh_tokens: number; signing_keys: number; login_failures: number }>(
    `SELECT (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM refresh_tokens)::int AS refresh_tokens,
            (SELECT count(*) FROM signing_keys)::int AS signing_keys,
            (SELECT count(*) FROM login_failures)::int AS login_failures`,
  );
  return rows[0]!;
}

function expectCleanProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const problem = json(response);
  expect(problem).toMatchObject({ status, code, title: expect.any(String), type: expect.any(String) });
  expect(problem).not.toHaveProperty('stack');
  expect(response.body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts\b|Error:/);
}

for (const [name, route] of Object.entries(routes)) {
  describe(`POST ${route.url} (${name}) with bad input`, () => {
    it.each(Object.entries(badInputs(route)))('answers %s with a 4xx problem and writes nothing', async (_case, bad) => {
      const before = await rowCounts();
      const response = await fixture.service.app.inject({
        method: 'POST',
        url: route.url,
        payload: bad.payload,
        headers: { 'content-type': bad.contentType ?? 'application/json', ...route.headers?.() },
      });
      expectCleanProblem(response, bad.status, bad.code);
      expect(await rowCounts()).toEqual(before);
    });
  });
}

describe('validation problems', () => {
  it('name the offending field', async () => {
    const unknown = await identityClient(fixture.service).register({ ...routes['register']!.valid, isAdmin: true });
    expect(json(unknown)['errors']).toEqual([{ path: 'body.isAdmin', message: 'is not an allowed field' }]);

    const missing = await identityClient(fixture.service).register({ email: 'someone@example.com', password: 'violet-harbour-1' });
    expect(json(missing)['errors']).toEqual([{ path: 'body.name', message: expect.any(String) }]);
  });

  it('refuse a name of whitespace only', async () => {
    const response = await identityClient(fixture.service).register({ ...routes['register']!.valid, name: '   ' });
    expectCleanProblem(response, 400, 'PLATFORM.VALIDATION');
  });
});
