import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeAccessToken, fakeApi, json, problem, tokenPair } from '../test/fake-api.ts';
import { cartWith } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';

const signedOut = () => problem(401, 'The refresh token is invalid, expired or revoked');

async function signIn(user: ReturnType<typeof userEvent.setup>, email: string) {
  await user.type(await screen.findByLabelText('E-mail'), email);
  await user.type(screen.getByLabelText('Password'), 'a long passphrase');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it("shows the server's field errors next to their fields", async () => {
    const user = userEvent.setup();
    fakeApi({
      'POST /api/auth/refresh': signedOut,
      'POST /api/auth/login': () =>
        problem(400, 'The request is not valid', { code: 'PLATFORM.VALIDATION', errors: [{ path: 'body.email', message: 'must match format "email"' }] }),
    });
    renderApp('/login');

    await signIn(user, 'sam');

    const email = screen.getByLabelText('E-mail');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('must match format "email"');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Check the highlighted fields.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('disables its button while signing in, and sends one login for a double-click', async () => {
    const user = userEvent.setup();
    let answer!: (response: Response) => void;
    const api = fakeApi({
      'POST /api/auth/refresh': signedOut,
      'POST /api/auth/login': () => new Promise<Response>((resolve) => (answer = resolve)),
      'GET /api/cart': () => json(cartWith([])),
      'GET /api/notifications': () => json({ items: [], nextCursor: null, unreadCount: 0 }),
      'GET /api/orders': () => json({ items: [], nextCursor: null }),
    });
    const { router } = renderApp('/login?next=%2Forders');

    await user.type(await screen.findByLabelText('E-mail'), 'sam@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.dblClick(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('button', { name: 'Signing in…' })).toBeDisabled();
    answer(tokenPair(fakeAccessToken()));
    await waitFor(() => expect(router.state.location.pathname).toBe('/orders'));
    expect(api.calls('POST', '/api/auth/login')).toHaveLength(1);
  });
});
