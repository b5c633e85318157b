/** How long to wait before retrying: exponential in the attempt, capped, with jitter. */
export interface Backoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * The delay before attempt `attempt + 1`. "Equal jitter": half of the exponential step is fixed and half is
 * random, so retries of messages that failed together spread out without ever retrying at once.
 */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(step / 2 + (random() * step) / 2);
}
