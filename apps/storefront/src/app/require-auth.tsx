import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../auth/auth-context.tsx';
import { Loading } from '../components/loading.tsx';
import { loginPath } from './login-path.ts';

/** Pages for signed-in shoppers: wait for the session to be restored, then sign in first if there is none. */
export function RequireAuth({ children, admin = false }: { readonly children: ReactNode; readonly admin?: boolean }) {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'restoring') return <Loading label="Checking your session…" />;
  if (auth.status === 'signed-out') return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  if (admin && !auth.isAdmin) {
    return (
      <div className="page">
        <h1>Admins only</h1>
        <p>Your account cannot open the admin console. Sign in with an admin account to manage the shop.</p>
      </div>
    );
  }
  return <>{children}</>;
}
