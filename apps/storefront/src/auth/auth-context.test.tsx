import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeAccessToken, fakeApi, json, problem, tokenPair } from '../test/fake-api.ts';
import { cartWith, category } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';
import { currentSession } from './token-store.ts';

const emptyInbox = () => json({ items: [], nextCursor: null, unreadCount: 0 });

describe('the session', () => {
  it('is restored on load from the refresh cookie, without anything stored by the page', async () => {
    const api = fakeApi({
      'POST /api/auth/refresh': () => tokenPair(fakeAccessToken({ email: 'sam@example.com' })),
      'GET /api/categories': () => json([category]),
      'GET /api/products': () => json({ items: [], nextCursor: null }),
      'GET /api/cart': () => json(cartWith([])),
      'GET /api/notifications': emptyInbox,
    });
    renderApp('/');

    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(api.calls('POST', '/api/auth/refresh')[0]?.body).toEqual({});
    expect(window.localStorage).toHaveLength(0);
  });

  it('sends a signed-out visitor of a private page to login, and back there afterwards', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'The refresh token is invalid, expired or revoked'),
      'POST /api/auth/login': () => tokenPair(fakeAccessToken()),
      'GET /api/orders': () => json({ items: [], nextCursor: null }),
      'GET /api/cart': () => json(cartWith([])),
      'GET /api/notifications': emptyInbox,
    });
    const { router } = renderApp('/orders');

    await waitFor(() => expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/login?next=%2Forders'));
    await user.type(await screen.findByLabelText('E-mail'), ' sam@example.com ');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('No orders yet')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/orders');
    expect(api.calls('POST', '/api/auth/login')[0]?.body).toEqual({ email: 'sam@example.com', password: 'a long passphrase' });
  });

  it('sends a shopper whose session expired mid-visit to login, and back to the page afterwards', async () => {
    const user = userEvent.setup();
    const stale = fakeAccessToken({ email: 'sam@example.com', sub: 'usr_stale' });
    const fresh = fakeAccessToken({ email: 'sam@example.com', sub: 'usr_fresh' });
    let refreshes = 0;
    const api = fakeApi({
      // The page opens signed in; by the time it asks for the orders, the session has ended on the server.
      'POST /api/auth/refresh': () => ((refreshes += 1) === 1 ? tokenPair(stale) : problem(401, 'The refresh token is invalid, expired or revoked')),
      'POST /api/auth/login': () => tokenPair(fresh),
      'GET /api/orders': (request) =>
        request.headers['authorization'] === `Bearer ${fresh}` ? json({ items: [], nextCursor: null }) : problem(401, 'The access token has expired'),
      'GET /api/cart': () => json(cartWith([])),
      'GET /api/notifications': emptyInbox,
    });
    const { router } = renderApp('/orders');

    await waitFor(() => expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/login?next=%2Forders'));
    expect(currentSession()).toBeNull();
    await user.type(await screen.findByLabelText('E-mail'), 'sam@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('No orders yet')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/orders');
    expect(api.calls('GET', '/api/orders').at(-1)?.headers['authorization']).toBe(`Bearer ${fresh}`);
  });

  it('never follows a login return path off the site', async () => {
    const user = userEvent.setup();
    fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'Unauthorized'),
      'POST /api/auth/login': () => tokenPair(fakeAccessToken()),
      'GET /api/categories': () => json([]),
      'GET /api/products': () => json({ items: [], nextCursor: null }),
      'GET /api/cart': () => json(cartWith([])),
      'GET /api/notifications': emptyInbox,
    });
    const { router } = renderApp('/login?next=%2F%2Fevil.example%2Fphish');

    await user.type(await screen.findByLabelText('E-mail'), 'sam@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('shows why a login failed', async () => {
    const user = userEvent.setup();
    fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'Unauthorized'),
      'POST /api/auth/login': () => problem(401, 'The e-mail address or password is incorrect', { code: 'IDENTITY.INVALID_CREDENTIALS' }),
    });
    renderApp('/login');

    await user.type(await screen.findByLabelText('E-mail'), 'sam@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail address or password is incorrect');
  });

  it('registers, signs in with the same credentials, and returns to the checkout', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'Unauthorized'),
      'POST /api/auth/register': () => json({ id: 'usr_x', email: 'new@example.com', name: 'New', roles: ['customer'], createdAt: '2026-11-26T10:00:00.000Z' }, 201),
      'POST /api/auth/login': () => tokenPair(fakeAccessToken({ email: 'new@example.com' })),
      'GET /api/cart': () => json(cartWith([])),
      'GET /api/notifications': emptyInbox,
    });
    const { router } = renderApp('/register?next=%2Fcheckout');

    await user.type(await screen.findByLabelText('Name'), 'New Shopper');
    await user.type(screen.getByLabelText('E-mail'), 'new@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout'));
    expect(api.calls('POST', '/api/auth/register')[0]?.body).toEqual({ name: 'New Shopper', email: 'new@example.com', password: 'a long passphrase' });
    expect(currentSession()?.claims.email).toBe('new@example.com');
  });

  it("puts a refused registration's reason next to the field", async () => {
    const user = userEvent.setup();
    fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'Unauthorized'),
      'POST /api/auth/register': () => problem(409, 'An account with this e-mail address already exists', { code: 'IDENTITY.EMAIL_TAKEN' }),
    });
    renderApp('/register');

    await user.type(await screen.findByLabelText('Name'), 'Sam');
    await user.type(screen.getByLabelText('E-mail'), 'taken@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription('An account with this e-mail address already exists'));
  });

  it('signs out: identity revokes the cookie and the page forgets the token', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'POST /api/auth/refresh': () => tokenPair(fakeAccessToken()),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
      'GET /api/categories': () => json([]),
      'GET /api/products': () => json({ items: [], nextCursor: null }),
      'GET /api/cart': () => json(cartWith([])),
      'GET /api/notifications': emptyInbox,
    });
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(api.calls('POST', '/api/auth/logout')[0]?.body).toEqual({});
    expect(currentSession()).toBeNull();
  });
});
