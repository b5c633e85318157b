import { defineErrors } from './app-error.ts';

/** Errors every service can raise; service catalogs add their own with their own prefix. */
export const PlatformErrors = defineErrors('PLATFORM', {
  VALIDATION: [400, 'The request is not valid'],
  MALFORMED_JSON: [400, 'The request body is not valid JSON'],
  UNAUTHENTICATED: [401, 'Authentication is required'],
  INVALID_TOKEN: [401, 'The access token is missing, expired or invalid'],
  FORBIDDEN: [403, 'You are not allowed to do this'],
  NOT_FOUND: [404, 'Not found'],
  METHOD_NOT_ALLOWED: [405, 'Method not allowed'],
  CONFLICT: [409, 'The request conflicts with the current state'],
  PAYLOAD_TOO_LARGE: [413, 'The request body is too large'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'The request content type is not supported'],
  RATE_LIMITED: [429, 'Too many requests'],
  INTERNAL: [500, 'Internal error'],
  BAD_GATEWAY: [502, 'An upstream service failed'],
  UNAVAILABLE: [503, 'The service is unavailable'],
  UPSTREAM_TIMEOUT: [504, 'An upstream service did not answer in time'],
});
