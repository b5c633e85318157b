import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem } from '../test/fake-api.ts';
import { product } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';
import { AVAILABILITY_POLL_MS } from './product-page.tsx';

const helmet = product();
const signedOut = () => problem(401, 'The refresh token is invalid, expired or revoked');

describe('ProductPage', () => {
  it('shows the price, the attributes and stock per warehouse, and keeps the stock current', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let available = 3;
    const api = fakeApi({
      'POST /api/auth/refresh': signedOut,
      [`GET /api/products/${helmet.id}`]: () => json(helmet),
      [`GET /api/inventory/${helmet.sku}`]: () =>
        json({ sku: helmet.sku, available, warehouses: [{ warehouseId: 'wh_01m8byb3jp6b6kfqz0wkdsgmr5', name: 'Rotterdam', available }] }),
    });
    renderApp(`/products/${helmet.id}`);

    expect(await screen.findByRole('heading', { name: helmet.name, level: 1 })).toBeInTheDocument();
    expect(screen.getByText('$140.99')).toBeInTheDocument();
    expect(screen.getByText('Weight grams').nextSibling).toHaveTextContent('249');
    expect(screen.getByText('Sizes').nextSibling).toHaveTextContent('S, M');
    expect(await screen.findByText('3 in stock')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Stock by warehouse' })).toHaveTextContent('Rotterdam3');

    available = 0;
    await act(() => vi.advanceTimersByTimeAsync(AVAILABILITY_POLL_MS));

    expect(await screen.findByText('Sold out', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sold out' })).toBeDisabled();
    expect(api.calls('GET', `/api/inventory/${helmet.sku}`).length).toBeGreaterThanOrEqual(2);
  });

  it('tells the shopper when the product does not exist', async () => {
    fakeApi({
      'POST /api/auth/refresh': signedOut,
      'GET /api/products/prd_gone': () => problem(404, 'The product does not exist', { code: 'CATALOG.PRODUCT_NOT_FOUND' }),
    });
    renderApp('/products/prd_gone');

    expect(await screen.findByRole('heading', { name: 'We couldn’t find that product' })).toBeInTheDocument();
  });
});

describe('unknown addresses', () => {
  it('get a friendly page with a way back', async () => {
    fakeApi({ 'POST /api/auth/refresh': signedOut });
    renderApp('/no/such/page');

    expect(await screen.findByRole('heading', { name: 'We couldn’t find that page' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the shop' })).toHaveAttribute('href', '/');
  });
});
