import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, defineErrors, PlatformErrors, toProblem } from '@bazaar/platform/errors';

// A marker that no problem body contains on its own, so finding the whole message in one means it leaked.
const secret = fc.string({ maxLength: 40 }).map((s) => `s3cr3t:${s}`);

const fastifyish = fc.record(
  {
    code: fc.oneof(fc.string(), fc.constantFrom('FST_ERR_CTP_BODY_TOO_LARGE', 'FST_ERR_VALIDATION', '__proto__', 'toString')),
    statusCode: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.string(), fc.constant(undefined)),
    validation: fc.anything(),
    validationContext: fc.anything(),
  },
  { requiredKeys: [] },
);

/** Anything code can throw that is not an AppError: strings, plain objects, Errors of every kind. */
const foreignThrowable = secret.chain((message) =>
  fc.tuple(
    fc.constant(message),
    fc.oneof(
      fc.constant(message),
      fc.constant(new Error(message)),
      fc.constant(new TypeError(message)),
      fastifyish.map((extra) => Object.assign(new Error(message), extra)),
      fastifyish.map((extra) => ({ message, ...extra })),
      fc.anything().map((value) => ({ message, value })),
    ),
  ),
);

const Statuses = defineErrors('ANY', { GONE: [410, 'Gone'], LOCKED: [423, 'Locked'], DOWN: [503, 'Down'] });
const appErrors = fc
  .tuple(fc.constantFrom(...Object.values(Statuses), ...Object.values(PlatformErrors)), fc.option(fc.string()))
  .map(([spec, detail]) => new AppError(spec, detail ?? undefined));

describe('toProblem for any thrown value', () => {
  it('never reveals the message of an error that is not an AppError', () => {
    fc.assert(
      fc.property(foreignThrowable, ([message, thrown]) => {
        const { problem, headers } = toProblem(thrown, '/somewhere');
        expect(JSON.stringify(problem)).not.toContain(message);
        expect(JSON.stringify(headers)).not.toContain(message);
      }),
      { numRuns: 500 },
    );
  });

  it('always yields an error status and a code', () => {
    fc.assert(
      fc.property(fc.oneof(foreignThrowable.map(([, thrown]) => thrown), fc.anything(), appErrors), (thrown) => {
        const { problem } = toProblem(thrown);
        expect(problem.status).toBeGreaterThanOrEqual(400);
        expect(problem.status).toBeLessThanOrEqual(599);
        expect(problem.code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
        expect(problem.title).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the detail of an AppError, which is written for the client', () => {
    fc.assert(
      fc.property(secret, (detail) => {
        expect(toProblem(new AppError(Statuses.GONE, detail)).problem.detail).toBe(detail);
      }),
    );
  });
});
