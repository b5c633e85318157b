import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '../test/fake-api.ts';
import { category, product } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';

const helmet = product();
const signedOut = () => problem(401, 'The refresh token is invalid, expired or revoked');

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('focus after navigation', () => {
  it("leaves focus alone on the first load, then moves it to the new page's heading after following a link", async () => {
    const user = userEvent.setup();
    fakeApi({ 'POST /api/auth/refresh': signedOut });
    renderApp('/no/such/page');

    await screen.findByRole('heading', { name: 'We couldn’t find that page', level: 1 });
    expect(document.body).toHaveFocus();

    await user.click(screen.getByRole('link', { name: 'Search products' }));

    const heading = await screen.findByRole('heading', { name: 'Search', level: 1 });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(heading).toHaveAttribute('tabindex', '-1');
  });

  it('waits on the main landmark while the page loads, then moves to its heading once it arrives', async () => {
    const answer = deferred<Response>();
    fakeApi({
      'POST /api/auth/refresh': signedOut,
      [`GET /api/products/${helmet.id}`]: () => answer.promise,
      [`GET /api/inventory/${helmet.sku}`]: () => json({ sku: helmet.sku, available: 3, warehouses: [] }),
    });
    const { router } = renderApp('/no/such/page');
    await screen.findByRole('heading', { name: 'We couldn’t find that page' });

    await act(() => router.navigate(`/products/${helmet.id}`));
    await waitFor(() => expect(screen.getByRole('main')).toHaveFocus());

    answer.resolve(json(helmet));
    const heading = await screen.findByRole('heading', { name: helmet.name, level: 1 });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('leaves focus where it is when only the query changes', async () => {
    fakeApi({ 'POST /api/auth/refresh': signedOut });
    const { router } = renderApp('/no/such/page');
    const link = await screen.findByRole('link', { name: 'Back to the shop' });
    act(() => link.focus());

    await act(() => router.navigate('/no/such/page?ref=mail'));

    expect(router.state.location.search).toBe('?ref=mail');
    expect(link).toHaveFocus();
  });

  it('keeps focus in the search field while results follow the typing, and moves it when the reader comes back to them', async () => {
    const user = userEvent.setup();
    fakeApi({
      'POST /api/auth/refresh': signedOut,
      'GET /api/categories': () => json([category]),
      'GET /api/products': () => json({ items: [helmet], nextCursor: null }),
      [`GET /api/products/${helmet.id}`]: () => json(helmet),
      [`GET /api/inventory/${helmet.sku}`]: () => json({ sku: helmet.sku, available: 3, warehouses: [] }),
    });
    const { router } = renderApp('/no/such/page');
    await screen.findByRole('heading', { name: 'We couldn’t find that page' });

    const search = screen.getByRole('searchbox', { name: 'Search products' });
    await user.type(search, 'helmet');
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(await screen.findByRole('heading', { name: 'Results for “helmet”', level: 1 })).toBeInTheDocument();
    expect(search).toHaveFocus();

    await user.click(await screen.findByRole('link', { name: helmet.name }));
    await screen.findByRole('heading', { name: helmet.name, level: 1 });
    await act(() => router.navigate(-1));

    const results = await screen.findByRole('heading', { name: 'Results for “helmet”', level: 1 });
    await waitFor(() => expect(results).toHaveFocus());
  });
});
