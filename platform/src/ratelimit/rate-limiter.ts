/** The answer to one `take`: whether the request may proceed, and what is left. */
export interface RateDecision {
  readonly allowed: boolean;
  /** Whole tokens left in the bucket after this take. */
  readonly remaining: number;
  /** When denied, how long until enough tokens have refilled for this cost; 0 when allowed. */
  readonly retryAfterMs: number;
}

/** A token bucket per key: `capacity` tokens at most, refilled continuously at `refillPerSecond`. */
export interface RateLimiter {
  readonly capacity: number;
  readonly refillPerSecond: number;
  /** Takes `cost` tokens from `key`'s bucket if it holds that many; a denied take takes nothing. */
  take(key: string, cost?: number): Promise<RateDecision>;
  /** Resolves when the limiter's store is usable (for readiness). */
  check(): Promise<void>;
  close(): Promise<void>;
}

export interface BucketOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/** Rejects bucket settings and costs that could never be satisfied. */
export function assertBucket(options: BucketOptions): void {
  if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) {
    throw new RangeError(`A token bucket needs capacity >= 1 and refillPerSecond > 0 (got ${options.capacity}, ${options.refillPerSecond})`);
  }
}

export function assertCost(cost: number, capacity: number): void {
  if (!(cost > 0) || cost > capacity) throw new RangeError(`A take must cost between 0 and the capacity ${capacity} (got ${cost})`);
}
