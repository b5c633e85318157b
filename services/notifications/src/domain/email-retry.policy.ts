/** How the sender retries an e-mail whose transport failed. */
export interface EmailRetryPolicy {
  /** Attempts before the e-mail is given up as failed. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** What happens after failed attempt number `attempts`: try again after a delay, or give up. */
export function afterFailure(policy: EmailRetryPolicy, attempts: number): { readonly giveUp: true } | { readonly giveUp: false; readonly delayMs: number } {
  if (attempts >= policy.maxAttempts) return { giveUp: true };
  return { giveUp: false, delayMs: Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1)) };
}
