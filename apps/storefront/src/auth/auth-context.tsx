import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { accountApi } from '../api/account.api.ts';
import type { AccessClaims } from './jwt.ts';
import { refreshSession } from './refresh.ts';
import { clearAccessToken, currentSession, storeAccessToken, subscribeToSession } from './token-store.ts';

export type AuthStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface Auth {
  readonly status: AuthStatus;
  /** Who is signed in, read from the access token. */
  readonly user: AccessClaims | null;
  readonly isAdmin: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/** How long before expiry the access token is renewed: a minute, or a tenth of a short lifetime. */
export function refreshDelayMs(expiresAt: number, now: number): number {
  const remaining = expiresAt - now;
  return Math.max(0, remaining - Math.min(60_000, remaining / 10));
}

/** Restores the session from the refresh cookie on load and keeps the access token fresh while the page is open. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeToSession, currentSession);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    let active = true;
    void refreshSession().finally(() => {
      if (active) setRestored(true);
    });
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(() => void refreshSession(), refreshDelayMs(session.expiresAt, Date.now()));
    return () => window.clearTimeout(timer);
  }, [session]);

  const login = useCallback(async (email: string, password: string) => {
    const tokens = await accountApi.login({ email, password });
    storeAccessToken(tokens.accessToken, tokens.expiresIn);
    setRestored(true);
  }, []);

  const logout = useCallback(async () => {
    try {
      await accountApi.logout();
    } finally {
      // Signed out locally even when the server could not be told: the token in memory is what grants access here.
      clearAccessToken();
    }
  }, []);

  const value = useMemo<Auth>(() => {
    const user = session?.claims ?? null;
    return {
      status: user ? 'signed-in' : restored ? 'signed-out' : 'restoring',
      user,
      isAdmin: user?.roles.includes('admin') ?? false,
      login,
      logout,
    };
  }, [session, restored, login, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
