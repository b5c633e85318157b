import { errorCodes } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError, defineErrors, PlatformErrors, toProblem } from '@bazaar/platform/errors';

const OrderErrors = defineErrors('ORDERS', { NOT_FOUND: [404, 'Order not found'], RATE: [429, 'Slow down'] });

/** The shape Fastify gives a schema validation failure (ajv errors plus the part of the request). */
function validationFailure(context: string, validation: object[]) {
  return Object.assign(new Error('validation failed'), { code: 'FST_ERR_VALIDATION', statusCode: 400, validation, validationContext: context });
}

describe('toProblem with an AppError', () => {
  it('keeps the code, status, title and detail', () => {
    const { problem } = toProblem(new AppError(OrderErrors.NOT_FOUND, 'No order ord_1'), '/orders/ord_1');
    expect(problem).toEqual({
      type: 'https://bazaar.dev/problems/orders/not_found',
      title: 'Order not found',
      status: 404,
      code: 'ORDERS.NOT_FOUND',
      detail: 'No order ord_1',
      instance: '/orders/ord_1',
    });
  });

  it('leaves detail out when the error only repeats its title', () => {
    const { problem } = toProblem(new AppError(OrderErrors.NOT_FOUND));
    expect(problem).not.toHaveProperty('detail');
    expect(problem).not.toHaveProperty('instance');
  });

  it('keeps field errors and response headers', () => {
    const errors = [{ path: 'body.quantity', message: 'must be positive' }];
    const { problem, headers } = toProblem(
      new AppError(OrderErrors.RATE, 'Try again in 3 seconds', { errors, headers: { 'retry-after': '3' } }),
    );
    expect(problem.errors).toEqual(errors);
    expect(problem.status).toBe(429);
    expect(headers).toEqual({ 'retry-after': '3' });
  });
});

describe('toProblem with a Fastify validation error', () => {
  it('answers 400 PLATFORM.VALIDATION with the path of each bad field', () => {
    const { problem } = toProblem(
      validationFailure('body', [{ instancePath: '/items/0/quantity', message: 'must be integer', params: { type: 'integer' } }]),
    );
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('PLATFORM.VALIDATION');
    expect(problem.errors).toEqual([{ path: 'body.items.0.quantity', message: 'must be integer' }]);
    expect(problem.detail).toBe('body.items.0.quantity must be integer');
  });

  it('names a missing field and an unknown field by their own paths', () => {
    const { problem } = toProblem(
      validationFailure('querystring', [
        { instancePath: '', message: "must have required property 'limit'", params: { missingProperty: 'limit' } },
        { instancePath: '/filter', message: 'must NOT have additional properties', params: { additionalProperty: 'colour' } },
      ]),
    );
    expect(problem.errors).toEqual([
      { path: 'querystring.limit', message: "must have required property 'limit'" },
      { path: 'querystring.filter.colour', message: 'is not an allowed field' },
    ]);
  });
});

describe('toProblem with Fastify content errors', () => {
  it.each([
    ['FST_ERR_CTP_INVALID_JSON_BODY', new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), 400, 'PLATFORM.MALFORMED_JSON'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY(), 400, 'PLATFORM.MALFORMED_JSON'],
    ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH(), 400, 'PLATFORM.VALIDATION'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), 413, 'PLATFORM.PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), 415, 'PLATFORM.UNSUPPORTED_MEDIA_TYPE'],
  ])('maps %s to %i %s', (_name, error, status, code) => {
    const { problem } = toProblem(error);
    expect(problem.status).toBe(status);
    expect(problem.code).toBe(code);
  });

  it('maps another client error of Fastify onto the catalog entry of its status', () => {
    const { problem } = toProblem(Object.assign(new Error('Method Not Allowed'), { statusCode: 405 }));
    expect(problem.code).toBe(PlatformErrors.METHOD_NOT_ALLOWED.code);
  });
});

describe('toProblem with an unexpected error', () => {
  it('answers a bare 500 that reveals neither the message nor the stack', () => {
    const error = new Error('connection to db.internal:5432 refused for user admin');
    const { problem, headers } = toProblem(error, '/orders');
    expect(problem).toEqual({
      type: 'https://bazaar.dev/problems/platform/internal',
      title: 'Internal error',
      status: 500,
      code: 'PLATFORM.INTERNAL',
      instance: '/orders',
    });
    expect(headers).toEqual({});
    expect(JSON.stringify(problem)).not.toContain('db.internal');
    expect(JSON.stringify(problem)).not.toContain('at ');
  });

  it('still answers when an error carries a validation member that is not a list of ajv errors', () => {
    for (const validation of [5, 'no', { path: 'x' }, [null, 7, { instancePath: 3, message: {} }]]) {
      const { problem } = toProblem(Object.assign(new Error('odd'), { validation, validationContext: 9 }));
      expect(problem.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('does not trust a server status or a code an unknown error claims', () => {
    const { problem } = toProblem(Object.assign(new Error('upstream said no'), { statusCode: 502, code: 'ECONNRESET' }));
    expect(problem.status).toBe(500);
    expect(problem.code).toBe('PLATFORM.INTERNAL');
  });
});
