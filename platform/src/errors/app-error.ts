/** One entry of an error catalog: a stable code, the HTTP status it maps to, and a human title. */
export interface ErrorSpec {
  readonly code: string;
  readonly status: number;
  readonly title: string;
}

/** A field-level problem, reported in the `errors` member of a problem+json body. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** An expected failure with a stable code; maps to problem+json through `toProblem`. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly errors: readonly FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(
    spec: ErrorSpec,
    detail?: string,
    extra: { errors?: readonly FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail ?? spec.title, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'AppError';
    this.code = spec.code;
    this.status = spec.status;
    this.title = spec.title;
    this.errors = extra.errors;
    this.headers = extra.headers;
  }

  /** True when `error` is an AppError of the given catalog entry. */
  static is(error: unknown, spec?: ErrorSpec): error is AppError {
    return error instanceof AppError && (spec === undefined || error.code === spec.code);
  }
}

/**
 * Builds an error catalog: `defineErrors('CATALOG', { NOT_FOUND: [404, 'Product not found'] })`
 * gives `{ NOT_FOUND: { code: 'CATALOG.NOT_FOUND', status: 404, title: 'Product not found' } }`.
 */
export function defineErrors<K extends string>(
  prefix: string,
  entries: Record<K, readonly [status: number, title: string]>,
): Record<K, ErrorSpec> {
  const catalog = {} as Record<K, ErrorSpec>;
  for (const key of Object.keys(entries) as K[]) {
    const [status, title] = entries[key];
    catalog[key] = Object.freeze({ code: `${prefix}.${key}`, status, title });
  }
  return Object.freeze(catalog);
}
