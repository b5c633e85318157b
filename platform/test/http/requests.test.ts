import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, defineErrors, PROBLEM_CONTENT_TYPE } from '@bazaar/platform/errors';
import { createService, type Service } from '@bazaar/platform/http';
import { testLogger } from '@bazaar/platform/testing';

const ThingErrors = defineErrors('THINGS', { SOLD_OUT: [409, 'The thing is sold out'] });
const NewThing = Type.Object({ name: Type.String({ minLength: 1 }), quantity: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

let service: Service;
const received: unknown[] = [];

beforeAll(async () => {
  service = await createService({ name: 'things', logger: testLogger('things'), bodyLimit: 1024 });
  service.app.post('/things', { schema: { body: NewThing } }, async (request, reply) => {
    received.push(request.body);
    return reply.status(201).send(request.body);
  });
  service.app.get(
    '/things',
    { schema: { querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50 }), tag: Type.Optional(Type.String()) }) } },
    async (request) => ({ limit: request.query.limit, type: typeof request.query.limit }),
  );
  service.app.post('/sold-out', { schema: { body: Type.Object({}, { additionalProperties: false }) } }, async () => {
    throw new AppError(ThingErrors.SOLD_OUT, 'Only 0 left', { headers: { 'retry-after': '60' } });
  });
  service.app.get('/broken', async () => {
    throw new Error('password authentication failed for user "bazaar" at 10.0.0.7');
  });
  service.app.get('/broken-string', async () => {
    throw 'a thrown string with internals';
  });
  await service.app.ready();
});

afterAll(() => service.close());

const post = (payload: string, contentType = 'application/json') =>
  service.app.inject({ method: 'POST', url: '/things', payload, headers: { 'content-type': contentType } });

describe('a service built with createService', () => {
  it('accepts a valid body', async () => {
    const response = await post(JSON.stringify({ name: 'kettle', quantity: 2 }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ name: 'kettle', quantity: 2 });
  });

  it('answers a malformed URL with a 400 problem, as for any other bad input', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/things/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json().code).toBe('PLATFORM.VALIDATION');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/nowhere?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toMatchObject({ status: 404, code: 'PLATFORM.NOT_FOUND', instance: '/nowhere' });
  });

  it('answers malformed JSON with 400 PLATFORM.MALFORMED_JSON', async () => {
    const response = await post('{"name": "kettle", ');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toMatchObject({ status: 400, code: 'PLATFORM.MALFORMED_JSON' });
  });

  it('does not coerce a string in the body into a number', async () => {
    const before = received.length;
    const response = await post(JSON.stringify({ name: 'kettle', quantity: '2' }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.VALIDATION', errors: [{ path: 'body.quantity' }] });
    expect(received).toHaveLength(before);
  });

  it('rejects an unknown field instead of stripping it', async () => {
    const before = received.length;
    const response = await post(JSON.stringify({ name: 'kettle', quantity: 2, isAdmin: true }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'PLATFORM.VALIDATION',
      errors: [{ path: 'body.isAdmin', message: 'is not an allowed field' }],
    });
    expect(received).toHaveLength(before);
  });

  it('names a missing field', async () => {
    const response = await post(JSON.stringify({ name: 'kettle' }));
    expect(response.json()).toMatchObject({ status: 400, errors: [{ path: 'body.quantity' }] });
  });

  it('answers a body over the limit with 413', async () => {
    const response = await post(JSON.stringify({ name: 'k'.repeat(2048), quantity: 1 }));
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.PAYLOAD_TOO_LARGE' });
  });

  it('answers a content type it does not parse with 415', async () => {
    const response = await post('name=kettle&quantity=2', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('coerces query strings to the declared types', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/things?limit=20' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ limit: 20, type: 'number' });
  });

  it('still validates a coerced query string', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/things?limit=many' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.VALIDATION', errors: [{ path: 'querystring.limit' }] });
  });

  it('maps an AppError to its status, code, detail and headers', async () => {
    const response = await service.app.inject({ method: 'POST', url: '/sold-out', payload: {} });
    expect(response.statusCode).toBe(409);
    expect(response.headers['retry-after']).toBe('60');
    expect(response.json()).toMatchObject({ code: 'THINGS.SOLD_OUT', detail: 'Only 0 left', instance: '/sold-out' });
  });

  it.each(['/broken', '/broken-string'])('answers an unexpected failure at %s with a bare 500', async (url) => {
    const response = await service.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toEqual({
      type: 'https://bazaar.dev/problems/platform/internal',
      title: 'Internal error',
      status: 500,
      code: 'PLATFORM.INTERNAL',
      instance: url,
    });
    expect(response.body).not.toMatch(/password|10\.0\.0\.7|internals|stack/);
  });
});

describe('route registration', () => {
  it('refuses a POST route without a body schema', async () => {
    const bare = await createService({ name: 'bare', logger: testLogger('bare') });
    expect(() => bare.app.post('/orders', async () => ({}))).toThrow(/no body schema/);
    expect(() => bare.app.patch('/orders', async () => ({}))).toThrow(/no body schema/);
    await bare.close();
  });

  it('refuses a route with path parameters but no params schema', async () => {
    const bare = await createService({ name: 'bare', logger: testLogger('bare') });
    expect(() => bare.app.get('/orders/:id', async () => ({}))).toThrow(/no params schema/);
    await bare.close();
  });
});
