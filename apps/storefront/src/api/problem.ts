/** A field the server refused, as problem+json reports it (`body.priceMinor`, `querystring.limit`). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** An RFC 9457 problem details body, as every Bazaar service answers errors. */
export interface Problem {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly code?: string;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
}

/** A failed API call: the server's problem, or a stand-in when the server (or the network) said nothing usable. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly fieldErrors: readonly FieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.fieldErrors = problem.errors ?? [];
  }

  /** The message for one form field, if any. */
  fieldMessage(name: string): string | undefined {
    return this.fieldErrors.find((error) => isPathOfField(error.path, name))?.message;
  }
}

/**
 * Whether a server field path is about a form field. The server names fields by path
 * (`body.shippingAddress.city`, `body.attributes.weightGrams`): a form field matches the last segment or
 * the top-level field after the context (`body`, `querystring`).
 */
export function isPathOfField(path: string, name: string): boolean {
  const segments = path.split('.');
  return segments[segments.length - 1] === name || segments[1] === name;
}

function isFieldError(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null && typeof (value as FieldError).path === 'string' && typeof (value as FieldError).message === 'string';
}

/**
 * Reads a problem from whatever a failed response carried. Anything that is not a problem body (an HTML
 * error page from a proxy, an empty body) becomes a generic problem named after the status, so that a
 * page never has to show raw text or `[object Object]`.
 */
export function toProblem(status: number, body: unknown): Problem {
  if (typeof body === 'object' && body !== null && typeof (body as Problem).title === 'string') {
    const raw = body as Record<string, unknown>;
    const problem: { -readonly [K in keyof Problem]: Problem[K] } = { title: raw['title'] as string, status };
    if (typeof raw['code'] === 'string') problem.code = raw['code'];
    if (typeof raw['detail'] === 'string') problem.detail = raw['detail'];
    if (Array.isArray(raw['errors'])) problem.errors = raw['errors'].filter(isFieldError);
    return problem;
  }
  return { title: genericTitle(status), status };
}

function genericTitle(status: number): string {
  if (status === 0) return 'The server could not be reached';
  if (status === 401) return 'Please sign in';
  if (status === 403) return 'You are not allowed to do this';
  if (status === 404) return 'Not found';
  if (status === 429) return 'Too many requests; please wait a moment';
  if (status >= 500) return 'The service is unavailable right now';
  return 'The request could not be completed';
}

/** A human sentence for any thrown value; never a stack trace. */
export function describeError(error: unknown): { title: string; detail?: string } {
  if (error instanceof ApiError) return error.detail && error.detail !== error.title ? { title: error.title, detail: error.detail } : { title: error.title };
  return { title: 'Something went wrong' };
}
