import type { AppError } from './app-error.ts';

/** What a use case returns: a value, or an expected failure as a value (unexpected ones throw). */
export type Result<T, E = AppError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Unwraps a result at the HTTP edge: the error is thrown and mapped to problem+json by the platform. */
export function unwrap<T>(result: Result<T, AppError>): T {
  if (result.ok) return result.value;
  throw result.error;
}
