/**
 * The absolute time (epoch milliseconds) by which the caller no longer wants an answer. Every hop forwards
 * it, so a downstream service does not keep working on a request its caller has given up on. An absolute
 * time rather than a budget keeps it stable across hops; replicas share a clock well enough for this.
 */
export const DEADLINE_HEADER = 'x-request-deadline';

/** The deadline an incoming request carries, or undefined when it has none or it is not a number. */
export function deadlineFrom(headers: Readonly<Record<string, string | string[] | undefined>>): number | undefined {
  const value = headers[DEADLINE_HEADER];
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return undefined;
  return Number(value);
}

/** The earlier of two optional deadlines. */
export function earliestDeadline(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
