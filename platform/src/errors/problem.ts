import { AppError, type FieldError } from './app-error.ts';
import { PlatformErrors } from './catalog.ts';

/** An RFC 9457 problem details body with Bazaar's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: readonly FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  validation?: readonly { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}

/** Fastify's own error codes that are the client's fault, mapped onto the platform catalog. */
const FASTIFY_CODES: Record<string, AppError['code']> = {
  FST_ERR_CTP_INVALID_JSON_BODY: PlatformErrors.MALFORMED_JSON.code,
  FST_ERR_CTP_EMPTY_JSON_BODY: PlatformErrors.MALFORMED_JSON.code,
  FST_ERR_CTP_BODY_TOO_LARGE: PlatformErrors.PAYLOAD_TOO_LARGE.code,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: PlatformErrors.UNSUPPORTED_MEDIA_TYPE.code,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: PlatformErrors.VALIDATION.code,
};

function specByCode(code: string) {
  return Object.values(PlatformErrors).find((spec) => spec.code === code) ?? PlatformErrors.INTERNAL;
}

type ValidationItem = NonNullable<FastifyLikeError['validation']>[number];

function validationErrors(error: FastifyLikeError, validation: readonly unknown[]): FieldError[] {
  const context = typeof error.validationContext === 'string' ? error.validationContext : 'body';
  // Only ajv-shaped items are read: toProblem runs inside the error handler and must not throw itself.
  const items = validation.filter((v): v is ValidationItem => v !== null && typeof v === 'object');
  return items.map((v) => {
    const extra = v.params?.['additionalProperty'] ?? v.params?.['missingProperty'];
    const base = `${context}${typeof v.instancePath === 'string' ? v.instancePath : ''}`.replaceAll('/', '.');
    const path = typeof extra === 'string' ? `${base}.${extra}` : base;
    const message = v.params?.['additionalProperty'] ? 'is not an allowed field' : typeof v.message === 'string' ? v.message : 'is invalid';
    return { path, message };
  });
}

/**
 * The one mapping from any thrown value to a problem+json response. Expected failures keep their catalog
 * code and detail; anything unexpected becomes a bare 500 that reveals nothing about the internals.
 */
export function toProblem(error: unknown, instance?: string): { problem: Problem; headers: Record<string, string> } {
  let spec = PlatformErrors.INTERNAL as { code: string; status: number; title: string };
  let detail: string | undefined;
  let errors: readonly FieldError[] | undefined;
  let headers: Record<string, string> = {};

  if (error instanceof AppError) {
    spec = error;
    detail = error.message === error.title ? undefined : error.message;
    errors = error.errors;
    headers = { ...error.headers };
  } else if (error !== null && typeof error === 'object') {
    const fastifyError = error as FastifyLikeError;
    if (Array.isArray(fastifyError.validation)) {
      spec = PlatformErrors.VALIDATION;
      errors = validationErrors(fastifyError, fastifyError.validation);
      detail = errors.map((e) => `${e.path} ${e.message}`).join('; ');
    } else if (fastifyError.code && FASTIFY_CODES[fastifyError.code]) {
      spec = specByCode(FASTIFY_CODES[fastifyError.code]!);
    } else if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const byStatus = Object.values(PlatformErrors).find((s) => s.status === fastifyError.statusCode);
      spec = byStatus ?? PlatformErrors.VALIDATION;
    }
  }

  const problem: Problem = {
    type: `https://bazaar.dev/problems/${spec.code.toLowerCase().replaceAll('.', '/')}`,
    title: spec.title,
    status: spec.status,
    code: spec.code,
  };
  if (detail !== undefined) problem.detail = detail;
  if (instance !== undefined) problem.instance = instance;
  if (errors !== undefined && errors.length > 0) problem.errors = errors;
  return { problem, headers };
}
