import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEmail } from '../src/domain/email.address.ts';
import { passwordProblems } from '../src/domain/password.policy.ts';
import { freshClientIp, json, newAccount, startIdentityFixture, type IdentityFixture } from './support/identity.fixture.ts';

let fixture: IdentityFixture;
const known = newAccount({ email: 'regular@example.com' });
beforeAll(async () => {
  fixture = await startIdentityFixture();
  await fixture.service.app.inject({ method: 'POST', url: '/api/auth/register', payload: known });
});
afterAll(() => fixture.close());

const codePoints = (value: string) => [...value].length;

/** Whether identity must accept a registration: the request schema, then the domain rules. */
function registrable(body: unknown, taken: ReadonlySet<string>): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const keys = Object.keys(body).sort();
  if (keys.join() !== 'email,name,password') return false;
  const { email, password, name } = body as Record<string, unknown>;
  if (typeof email !== 'string' || typeof password !== 'string' || typeof name !== 'string') return false;
  if (codePoints(email) < 3 || codePoints(email) > 320 || codePoints(password) > 1024 || codePoints(name) > 100) return false;
  if (password.length === 0 || !/\S/u.test(name)) return false;
  const parsed = parseEmail(email);
  return parsed.ok && !taken.has(parsed.value.address) && passwordProblems(password, parsed.value.localPart).length === 0;
}

/** Any JSON at all, objects with arbitrary members, and objects close enough to real requests to reach the use cases. */
const respelled = fc
  .tuple(fc.emailAddress(), fc.constantFrom('', ' ', '\t'), fc.boolean())
  .map(([email, pad, upper]) => `${pad}${upper ? email.toUpperCase() : email}${pad}`);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ minLength: 10, maxLength: 30 }));
const anyJson = fc.oneof(fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })));
const registrationLike = fc
  .tuple(
    fc.record(
      {
        email: fc.oneof(respelled, fc.constant(known.email), text, fc.jsonValue({ maxDepth: 1 })),
        password: fc.oneof(text, fc.constant('password123'), fc.jsonValue({ maxDepth: 1 })),
        name: fc.oneof(text, fc.constant('  '), fc.jsonValue({ maxDepth: 1 })),
      },
      { requiredKeys: [] },
    ),
    fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), { nil: undefined }),
  )
  .map(([fields, extra]) => ({ ...extra, ...fields }));
const nearlyValidRegistration = fc.record({
  email: respelled,
  password: fc.oneof(fc.string({ minLength: 8, maxLength: 40 }), fc.string({ unit: 'grapheme', minLength: 8, maxLength: 20 })),
  name: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 })),
});
const loginLike = fc
  .record(
    {
      email: fc.oneof(respelled, fc.constant(known.email), text, fc.jsonValue({ maxDepth: 1 })),
      password: fc.oneof(text, fc.constant(known.password), fc.jsonValue({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  )
  .map((fields) => fields as unknown);
const nearlyValidLogin = fc.record({
  email: fc.oneof(respelled, fc.constant(` ${known.email.toUpperCase()}`)),
  password: fc.oneof(text, fc.constant(known.password)),
});

async function send(url: string, body: unknown) {
  return fixture.service.app.inject({
    method: 'POST',
    url,
    payload: JSON.stringify(body) ?? 'null',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': freshClientIp() },
  });
}

function expectHandled(response: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(response.statusCode).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(json(response as never)['code']).toMatch(/^(PLATFORM|IDENTITY)\.[A-Z_]+$/);
  }
}

describe('registration with arbitrary JSON', () => {
  it('never fails with a 5xx, and creates a user exactly when the request is valid', async () => {
    const { rows } = await fixture.sql.query<{ email: string }>('SELECT email FROM users');
    const taken = new Set(rows.map((row) => row.email));
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, registrationLike, nearlyValidRegistration), async (body) => {
        const shouldCreate = registrable(body, taken);
        const before = await fixture.countUsers();

        const response = await send('/api/auth/register', body);

        expectHandled(response);
        expect(response.statusCode === 201).toBe(shouldCreate);
        expect(await fixture.countUsers()).toBe(before + (shouldCreate ? 1 : 0));
        if (shouldCreate) taken.add(json<{ email: string }>(response).email);
      }),
      { numRuns: 200 },
    );
  });
});

describe('login with arbitrary JSON', () => {
  it('never fails with a 5xx and never creates a user', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, loginLike, nearlyValidLogin), async (body) => {
        const before = await fixture.countUsers();

        const response = await send('/api/auth/login', body);

        expectHandled(response);
        expect([200, 400, 401, 413, 429]).toContain(response.statusCode);
        expect(await fixture.countUsers()).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
