/** How many failed sign-ins are tolerated, per e-mail address and per client address, within one window. */
export interface ThrottleLimits {
  readonly maxFailuresPerEmail: number;
  readonly maxFailuresPerIp: number;
  readonly windowSeconds: number;
}

/** The failures counted in a window that is still open, and how long until it closes. */
export interface FailureWindow {
  readonly scope: 'email' | 'ip';
  readonly failures: number;
  readonly secondsLeft: number;
}

export type ThrottleVerdict = { readonly blocked: false } | { readonly blocked: true; readonly retryAfterSeconds: number };

/**
 * Whether a sign-in may be attempted at all. A blocked attempt is refused before the password is looked
 * at, so the right password does not help an attacker who has used up the budget.
 */
export function throttleVerdict(windows: readonly FailureWindow[], limits: ThrottleLimits): ThrottleVerdict {
  let retryAfterSeconds = 0;
  for (const window of windows) {
    const limit = window.scope === 'email' ? limits.maxFailuresPerEmail : limits.maxFailuresPerIp;
    if (window.failures >= limit) retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil(window.secondsLeft), 1);
  }
  return retryAfterSeconds > 0 ? { blocked: true, retryAfterSeconds } : { blocked: false };
}
