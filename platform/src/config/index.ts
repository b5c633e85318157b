import { type Static, type TObject, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Raised when the environment does not satisfy a config schema; the message names every bad variable. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Numbers are read with `Number()`, whole string or nothing: TypeBox's own conversion truncates (`80.5` → 80,
 * `1e3` → 1 for an integer), which would start a service on a value nobody wrote.
 */
function withNumbers(schema: TObject, converted: Record<string, unknown>, raw: Record<string, unknown>): Record<string, unknown> {
  const result = { ...converted };
  for (const [key, property] of Object.entries(schema.properties)) {
    const value = raw[key];
    if (typeof value !== 'string' || (property.type !== 'integer' && property.type !== 'number')) continue;
    const number = Number(value);
    result[key] = value.trim() !== '' && Number.isFinite(number) ? number : value;
  }
  return result;
}

/**
 * Reads a typed config from environment variables. Keys of the schema are the variable names; defaults
 * come from the schema, strings are converted to the declared types, and unknown variables are ignored.
 */
export function loadConfig<S extends TObject>(schema: S, env: Record<string, string | undefined> = process.env): Static<S> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  // Default and Convert change their argument in place; `raw` keeps the text as written for the checks below.
  const withDefaults = Value.Default(schema, { ...raw });
  const converted = withNumbers(schema, Value.Convert(schema, withDefaults) as Record<string, unknown>, raw);
  const errors = [...Value.Errors(schema, converted)];
  if (errors.length > 0) {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const error of errors) {
      const name = error.path.replace(/^\//, '') || '(root)';
      if (seen.has(name)) continue;
      seen.add(name);
      const got = raw[name] === undefined ? 'nothing' : JSON.stringify(raw[name]);
      problems.push(`${name}: ${error.message} (got ${got})`);
    }
    throw new ConfigError(problems);
  }
  return converted as Static<S>;
}

/** Schema pieces for variables that recur across services. */
export const Env = {
  port: (defaultPort: number) => Type.Integer({ minimum: 0, maximum: 65535, default: defaultPort }),
  url: (protocols: readonly string[]) =>
    Type.String({ pattern: `^(${protocols.join('|')})://`, description: `a ${protocols.join(' or ')} URL` }),
  logLevel: () =>
    Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), {
      default: 'info',
    }),
};
