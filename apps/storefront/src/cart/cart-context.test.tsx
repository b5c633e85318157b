import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeAccessToken, fakeApi, json, problem, tokenPair } from '../test/fake-api.ts';
import { cartWith, product } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';

const ANONYMOUS_CART = 'crt_01m8byb3jp6b6kfqz0wkdsgmr5';
const helmet = product();
const line = { productId: helmet.id, name: helmet.name, priceMinor: helmet.priceMinor, quantity: 2 };

function anonymousShop() {
  return fakeApi({
    'POST /api/auth/refresh': () => problem(401, 'The refresh token is invalid, expired or revoked'),
    [`GET /api/products/${helmet.id}`]: () => json(helmet),
    [`GET /api/inventory/${helmet.sku}`]: () => json({ sku: helmet.sku, available: 3, warehouses: [] }),
    'POST /api/cart': () => json(cartWith([], ANONYMOUS_CART), 201),
    'POST /api/cart/items': () => json(cartWith([line], ANONYMOUS_CART)),
    'GET /api/cart': () => json(cartWith([line], ANONYMOUS_CART)),
  });
}

describe('the cart', () => {
  it('starts an anonymous cart on the first add, names it with X-Cart-Id, and keeps only its id in localStorage', async () => {
    const user = userEvent.setup();
    const api = anonymousShop();
    renderApp(`/products/${helmet.id}`);

    await user.clear(await screen.findByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '2');
    await user.click(screen.getByRole('button', { name: 'Add to cart' }));

    expect(await screen.findByText(/Added 2 × Velocita Commuter Cycling Helmet/)).toBeInTheDocument();
    expect(api.calls('POST', '/api/cart/items')[0]).toMatchObject({ headers: { 'x-cart-id': ANONYMOUS_CART }, body: { productId: helmet.id, quantity: 2 } });
    expect(window.localStorage.getItem('bazaar.cartId')).toBe(ANONYMOUS_CART);
    expect(Object.keys(window.localStorage)).toEqual(['bazaar.cartId']);
    expect(screen.getByLabelText('2 items')).toBeInTheDocument();
  });

  it('is still there after a reload', async () => {
    window.localStorage.setItem('bazaar.cartId', ANONYMOUS_CART);
    const api = anonymousShop();
    renderApp('/cart');

    expect(await screen.findByRole('link', { name: helmet.name })).toBeInTheDocument();
    expect(api.calls('GET', '/api/cart')[0]?.headers['x-cart-id']).toBe(ANONYMOUS_CART);
  });

  it('changes quantities and removes lines', async () => {
    const user = userEvent.setup();
    window.localStorage.setItem('bazaar.cartId', ANONYMOUS_CART);
    const api = fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'Unauthorized'),
      'GET /api/cart': () => json(cartWith([line], ANONYMOUS_CART)),
      [`PATCH /api/cart/items/${helmet.id}`]: () => json(cartWith([{ ...line, quantity: 5 }], ANONYMOUS_CART)),
      [`DELETE /api/cart/items/${helmet.id}`]: () => json(cartWith([], ANONYMOUS_CART)),
    });
    renderApp('/cart');

    await user.selectOptions(await screen.findByLabelText(`Quantity of ${helmet.name}`), '5');
    await waitFor(() => expect(screen.getByLabelText('5 items')).toBeInTheDocument());
    expect(api.calls('PATCH', `/api/cart/items/${helmet.id}`)[0]?.body).toEqual({ quantity: 5 });

    await user.click(screen.getByRole('button', { name: `Remove ${helmet.name}` }));
    expect(await screen.findByText('Your cart is empty')).toBeInTheDocument();
  });

  it('merges the anonymous cart into the account at login and forgets its id', async () => {
    const user = userEvent.setup();
    window.localStorage.setItem('bazaar.cartId', ANONYMOUS_CART);
    const token = fakeAccessToken();
    const api = fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'Unauthorized'),
      'GET /api/cart': () => json(cartWith([line], ANONYMOUS_CART)),
      'POST /api/auth/login': () => tokenPair(token),
      'POST /api/cart/merge': () => json(cartWith([line])),
      'GET /api/notifications': () => json({ items: [], nextCursor: null, unreadCount: 0 }),
    });
    const { router } = renderApp('/login?next=%2Fcart');

    await user.type(await screen.findByLabelText('E-mail'), 'sam@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(api.calls('POST', '/api/cart/merge')).toHaveLength(1));
    expect(api.calls('POST', '/api/cart/merge')[0]).toMatchObject({ headers: { authorization: `Bearer ${token}` }, body: { cartId: ANONYMOUS_CART } });
    await waitFor(() => expect(window.localStorage.getItem('bazaar.cartId')).toBeNull());
    expect(router.state.location.pathname).toBe('/cart');
    expect(await screen.findByRole('link', { name: helmet.name })).toBeInTheDocument();
  });
});
