import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { routes } from '../app/routes.tsx';
import { AuthProvider } from '../auth/auth-context.tsx';
import { CartProvider } from '../cart/cart-context.tsx';

/** The whole storefront at `path`, as `main.tsx` mounts it but with an in-memory history. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AuthProvider>
      <CartProvider>
        <RouterProvider router={router} />
      </CartProvider>
    </AuthProvider>,
  );
  return { ...view, router };
}
