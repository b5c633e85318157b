import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { startEarly } from './api/http.ts';
import { pageDataPaths } from './app/page-data.ts';
import { routes } from './app/routes.tsx';
import { AuthProvider } from './auth/auth-context.tsx';
import { CartProvider } from './cart/cart-context.tsx';
import './styles.css';

// The landing page's catalog reads go out now, while React mounts, instead of after its first render.
startEarly(pageDataPaths(window.location));
const router = createBrowserRouter(routes);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AuthProvider>
      <CartProvider>
        <RouterProvider router={router} />
      </CartProvider>
    </AuthProvider>
  </StrictMode>,
);
