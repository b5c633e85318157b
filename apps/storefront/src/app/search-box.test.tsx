import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '../test/fake-api.ts';
import { category, product } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';

describe('search as you type', () => {
  it('shows results once typing settles, asking the catalog once for the whole word', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'The refresh token is invalid, expired or revoked'),
      'GET /api/categories': () => json([category]),
      'GET /api/products': (request) =>
        json({ items: request.path.includes('q=helmet') ? [product()] : [product({ id: 'prd_01m8byb3jp6b6kfqz0wkdsgmr6', name: 'Something new' })], nextCursor: null }),
    });
    const { router } = renderApp('/');

    await user.type(screen.getByRole('searchbox', { name: 'Search products' }), 'helmet');

    await waitFor(() => expect(router.state.location.search).toBe('?q=helmet'));
    expect(router.state.location.pathname).toBe('/search');
    expect(await screen.findByRole('link', { name: 'Velocita Commuter Cycling Helmet' })).toBeInTheDocument();
    const searches = api.requests.filter((request) => request.path.startsWith('/api/products?') && request.path.includes('q='));
    expect(searches.map((request) => new URLSearchParams(request.path.split('?')[1]).get('q'))).toEqual(['helmet']);
    expect(screen.getByRole('searchbox', { name: 'Search products' })).toHaveFocus();
  });

  it('says plainly when nothing matches', async () => {
    const user = userEvent.setup();
    fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'Unauthorized'),
      'GET /api/categories': () => json([category]),
      'GET /api/products': () => json({ items: [], nextCursor: null }),
    });
    renderApp('/search');

    await user.type(screen.getByRole('searchbox', { name: 'Search products' }), 'zzzz');

    expect(await screen.findByText('Nothing matches “zzzz”')).toBeInTheDocument();
  });
});
