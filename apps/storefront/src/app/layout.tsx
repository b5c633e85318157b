import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { setSessionExpiredHandler } from '../api/http.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useCart } from '../cart/cart-context.tsx';
import { Loading } from '../components/loading.tsx';
import { useFocusOnNavigation } from './focus-on-navigation.ts';
import { loginPath } from './login-path.ts';
import { SearchBox } from './search-box.tsx';
import { UnreadBadge } from './unread-badge.tsx';

/** The frame of every page: skip link, header with search and account, the page, and the footer. */
export function Layout() {
  const auth = useAuth();
  const { count } = useCart();
  const navigate = useNavigate();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main);

  useEffect(() => {
    // A signed-in call was refused and the session could not be renewed: sign in again and come back here.
    setSessionExpiredHandler(() => void navigate(loginPath(here), { replace: true }));
    return () => setSessionExpiredHandler(null);
  }, [navigate, here]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand" aria-label="Bazaar home">
            <span aria-hidden="true">◆</span> Bazaar
          </Link>
          <SearchBox />
          <nav aria-label="Account" className="account-nav">
            <ul>
              <li>
                <NavLink to="/cart">
                  Cart{' '}
                  <span className="badge" aria-label={`${count} ${count === 1 ? 'item' : 'items'}`}>
                    {count}
                  </span>
                </NavLink>
              </li>
              {auth.status === 'signed-in' ? (
                <>
                  <li>
                    <NavLink to="/orders">Orders</NavLink>
                  </li>
                  <li>
                    <NavLink to="/notifications">
                      Inbox <UnreadBadge />
                    </NavLink>
                  </li>
                  {auth.isAdmin ? (
                    <li>
                      <NavLink to="/admin">Admin</NavLink>
                    </li>
                  ) : null}
                  <li>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        void auth.logout().finally(() => void navigate('/'));
                      }}
                    >
                      Sign out
                    </button>
                  </li>
                </>
              ) : auth.status === 'signed-out' ? (
                <>
                  <li>
                    <NavLink to={loginPath(here)}>Sign in</NavLink>
                  </li>
                  <li>
                    <NavLink to="/register">Register</NavLink>
                  </li>
                </>
              ) : null}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      {/* A new page starts at its top; going back returns to where the reader was. */}
      <ScrollRestoration />
      <footer className="site-footer">
        <p>Bazaar — an open, distributed marketplace. Prices include no tax; test cards only.</p>
      </footer>
    </div>
  );
}
