import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '../test/fake-api.ts';
import { category, product } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';

const first = product({ id: 'prd_01m8byb3jp6b6kfqz0wkdsgmr1', name: 'First page product' });
const second = product({ id: 'prd_01m8byb3jp6b6kfqz0wkdsgmr2', name: 'Second page product' });

describe('CategoryPage', () => {
  it('filters by price, sorts, and pages on with the cursor', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'Unauthorized'),
      'GET /api/categories': () => json([category]),
      'GET /api/products': (request) =>
        json(request.path.includes('cursor=next-page') ? { items: [second], nextCursor: null } : { items: [first], nextCursor: 'next-page' }),
    });
    const { router } = renderApp(`/categories/${category.slug}`);

    expect(await screen.findByRole('link', { name: 'First page product' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('From'), '10');
    await user.type(screen.getByLabelText('To'), '49.99');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'price_asc');

    await waitFor(() => expect(router.state.location.search).toBe('?sort=price_asc&minPrice=1000&maxPrice=4999'));
    await user.click(await screen.findByRole('button', { name: 'Show more' }));

    expect(await screen.findByRole('link', { name: 'Second page product' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    const last = new URLSearchParams(api.calls('GET', '/api/products').at(-1)?.path.split('?')[1]);
    expect(Object.fromEntries(last)).toEqual({ category: category.slug, sort: 'price_asc', minPrice: '1000', maxPrice: '4999', cursor: 'next-page' });
  });

  it('refuses a price range that cannot match anything before asking the server', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'Unauthorized'),
      'GET /api/categories': () => json([category]),
      'GET /api/products': () => json({ items: [first], nextCursor: null }),
    });
    renderApp(`/categories/${category.slug}`);

    await user.type(await screen.findByLabelText('From'), '50');
    await user.type(screen.getByLabelText('To'), '10');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The lowest price is above the highest.');
    expect(api.calls('GET', '/api/products')).toHaveLength(1);
  });
});
