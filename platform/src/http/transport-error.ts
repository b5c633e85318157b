import { AppError, PlatformErrors, type ErrorSpec } from '../errors/index.ts';

/**
 * Why a call never got a usable answer from its target. `no-replica`, `circuit-open` and `overloaded` are
 * decided locally without touching the network; the others happened on the wire.
 */
export type TransportFailure = 'no-replica' | 'connect' | 'timeout' | 'reset' | 'circuit-open' | 'overloaded';

const SPECS: Record<TransportFailure, ErrorSpec> = {
  'no-replica': PlatformErrors.UNAVAILABLE,
  connect: PlatformErrors.UNAVAILABLE,
  timeout: PlatformErrors.UPSTREAM_TIMEOUT,
  reset: PlatformErrors.BAD_GATEWAY,
  'circuit-open': PlatformErrors.UNAVAILABLE,
  overloaded: PlatformErrors.UNAVAILABLE,
};

/**
 * A call to another service failed in transport (PLATFORM.UNAVAILABLE, UPSTREAM_TIMEOUT or BAD_GATEWAY).
 * It is a different type from an upstream's own answer, which a client returns as a response, never throws.
 */
export class TransportError extends AppError {
  /** The service that was called. */
  readonly target: string;
  readonly failure: TransportFailure;

  constructor(target: string, failure: TransportFailure, detail: string, extra: { headers?: Record<string, string>; cause?: unknown } = {}) {
    super(SPECS[failure], detail, extra);
    this.name = 'TransportError';
    this.target = target;
    this.failure = failure;
  }
}

/** True for transport failures (the call may not have reached the target, or its answer was lost). */
export function isTransportError(error: unknown): error is TransportError {
  return error instanceof TransportError;
}
