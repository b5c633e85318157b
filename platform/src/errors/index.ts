export { AppError, defineErrors, type ErrorSpec, type FieldError } from './app-error.ts';
export { PlatformErrors } from './catalog.ts';
export { toProblem, PROBLEM_CONTENT_TYPE, type Problem } from './problem.ts';
export { ok, fail, unwrap, type Result } from './result.ts';
