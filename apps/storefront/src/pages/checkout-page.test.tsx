import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeAccessToken, fakeApi, json, problem, tokenPair } from '../test/fake-api.ts';
import { cartWith, order } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';

const cart = cartWith([{ productId: 'prd_01m8byb3jp6b6kfqz0wkdsgmr5', name: 'Helmet', priceMinor: 14099, quantity: 2 }]);

async function fillAddress(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Full name'), 'Sam Shopper');
  await user.type(screen.getByLabelText('Street and number'), '1 Market St');
  await user.type(screen.getByLabelText('Postal code'), '3011');
  await user.type(screen.getByLabelText('City'), 'Rotterdam');
}

function signedInShop(checkout: () => Response | Promise<Response>) {
  return fakeApi({
    'POST /api/auth/refresh': () => tokenPair(fakeAccessToken()),
    'GET /api/cart': () => json(cart),
    'GET /api/notifications': () => json({ items: [], nextCursor: null, unreadCount: 0 }),
    'POST /api/checkout': checkout,
    [`GET /api/orders/${order().id}`]: () => json(order({ status: 'CONFIRMED' })),
  });
}

describe('CheckoutPage', () => {
  it('places one order for a double-click, with an Idempotency-Key, and opens the order', async () => {
    const user = userEvent.setup();
    const api = signedInShop(() => json({ orderId: order().id, status: 'PENDING', statusUrl: order().statusUrl }, 202));
    const { router } = renderApp('/checkout');

    await fillAddress(user);
    await user.selectOptions(screen.getByLabelText('Card'), 'tok_chargeDeclined');
    await user.dblClick(screen.getByRole('button', { name: 'Place order' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/orders/${order().id}`));
    const checkouts = api.calls('POST', '/api/checkout');
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]?.headers['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect(checkouts[0]?.body).toEqual({
      shippingAddress: { name: 'Sam Shopper', line1: '1 Market St', city: 'Rotterdam', postalCode: '3011', country: 'NL' },
      paymentToken: 'tok_chargeDeclined',
    });
  });

  it('retries a failed attempt with the same Idempotency-Key, so the server can never make two orders of it', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    const api = signedInShop(() => (attempts++ === 0 ? problem(503, 'Service unavailable', { detail: 'orders did not answer in time' }) : json(order({ status: 'CONFIRMED' }))));
    const { router } = renderApp('/checkout');

    await fillAddress(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('orders did not answer in time');
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/orders/${order().id}`));
    const [first, second] = api.calls('POST', '/api/checkout');
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
  });

  it('opens the order when checkout already finished and answers with the order itself', async () => {
    const user = userEvent.setup();
    signedInShop(() => json(order({ status: 'CONFIRMED' })));
    const { router } = renderApp('/checkout');

    await fillAddress(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/orders/${order().id}`));
    expect(await screen.findByText('Confirmed', { selector: '.status' })).toBeInTheDocument();
  });

  it("shows the server's field errors next to the fields they are about", async () => {
    const user = userEvent.setup();
    signedInShop(() =>
      problem(400, 'The request is not valid', {
        code: 'PLATFORM.VALIDATION',
        detail: 'body.shippingAddress.postalCode must NOT have more than 20 characters',
        errors: [{ path: 'body.shippingAddress.postalCode', message: 'must NOT have more than 20 characters' }],
      }),
    );
    renderApp('/checkout');

    await fillAddress(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    const postalCode = screen.getByLabelText('Postal code');
    await waitFor(() => expect(postalCode).toHaveAttribute('aria-invalid', 'true'));
    expect(postalCode).toHaveAccessibleDescription('must NOT have more than 20 characters');
    expect(screen.getByRole('alert')).toHaveTextContent('The request is not valid');
  });

  it('says so when the cart is empty instead of offering to pay for nothing', async () => {
    fakeApi({
      'POST /api/auth/refresh': () => tokenPair(fakeAccessToken()),
      'GET /api/cart': () => json(cartWith([])),
      'GET /api/notifications': () => json({ items: [], nextCursor: null, unreadCount: 0 }),
    });
    renderApp('/checkout');

    expect(await screen.findByText('Your cart is empty')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Place order' })).not.toBeInTheDocument();
  });
});
