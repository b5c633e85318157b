import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** A message that does not satisfy its schema: the producer must not write it, the consumer must not process it. */
export class MessageValidationError extends Error {
  readonly problems: readonly string[];

  constructor(subject: string, problems: readonly string[]) {
    super(`${subject}: ${problems.join('; ')}`);
    this.name = 'MessageValidationError';
    this.problems = problems;
  }
}

// The same validator and formats as HTTP bodies (http/validation.ts), so a schema means the same on both
// transports. Validation never changes the value: no defaults, no coercion, no removal.
const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false, coerceTypes: false, removeAdditional: false });
addFormats.default(ajv);

/** A compiled check that returns the problems it found (empty when the value is valid). */
export type Check = (value: unknown) => readonly string[];

export function compileCheck(schema: object, root: string): Check {
  const validate: ValidateFunction = ajv.compile(schema);
  return (value) => (validate(value) ? [] : describe(validate.errors ?? [], root));
}

function describe(errors: readonly ErrorObject[], root: string): string[] {
  return errors.slice(0, 10).map((error) => `${root}${error.instancePath} ${error.message ?? 'is invalid'}`);
}
