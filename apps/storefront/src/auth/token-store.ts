import { decodeAccessToken, type AccessClaims } from './jwt.ts';

/** The signed-in session as the page knows it: the access token and what it says about its holder. */
export interface AccessSession {
  readonly accessToken: string;
  readonly claims: AccessClaims;
  /** Epoch milliseconds when the access token stops being accepted. */
  readonly expiresAt: number;
}

// The access token lives in this module's memory only: never in localStorage or a readable cookie, so an
// injected script that reads storage finds nothing, and a reload starts from the httpOnly refresh cookie.
let current: AccessSession | null = null;
const listeners = new Set<() => void>();

/** The current session, or null when signed out. */
export function currentSession(): AccessSession | null {
  return current;
}

/** Holds a newly issued access token; an unreadable token clears the session instead. */
export function storeAccessToken(accessToken: string, expiresInSeconds: number, now: number = Date.now()): AccessSession | null {
  const claims = decodeAccessToken(accessToken);
  current = claims ? { accessToken, claims, expiresAt: now + expiresInSeconds * 1000 } : null;
  listeners.forEach((listener) => listener());
  return current;
}

export function clearAccessToken(): void {
  if (current === null) return;
  current = null;
  listeners.forEach((listener) => listener());
}

/** For `useSyncExternalStore`: called whenever the session changes. */
export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
