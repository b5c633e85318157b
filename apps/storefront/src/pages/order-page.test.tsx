import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeAccessToken, fakeApi, json, tokenPair } from '../test/fake-api.ts';
import { cartWith, order } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';

function shopWithOrderStates(...states: ReturnType<typeof order>[]) {
  let reads = 0;
  return fakeApi({
    'POST /api/cart/items': (request) => json(cartWith([{ productId: String((request.body as { productId: string }).productId), name: 'Helmet', priceMinor: 14099, quantity: 2 }])),
    'POST /api/auth/refresh': () => tokenPair(fakeAccessToken()),
    'GET /api/cart': () => json(cartWith([])),
    'GET /api/notifications': () => json({ items: [], nextCursor: null, unreadCount: 0 }),
    [`GET /api/orders/${order().id}`]: () => json(states[Math.min(reads++, states.length - 1)]),
  });
}

describe('OrderPage', () => {
  it('follows the order live until it is confirmed, then stops asking', async () => {
    const api = shopWithOrderStates(order({ status: 'PENDING' }), order({ status: 'AUTHORIZED' }), order({ status: 'CONFIRMED' }));
    renderApp(`/orders/${order().id}`);

    expect(await screen.findByText('Pending', { selector: '.status' })).toBeInTheDocument();
    expect(await screen.findByText('Confirmed', { selector: '.status' }, { timeout: 4000 })).toBeInTheDocument();
    const reads = api.calls('GET', `/api/orders/${order().id}`).length;
    await new Promise((resolve) => setTimeout(resolve, 1500));

    expect(api.calls('GET', `/api/orders/${order().id}`)).toHaveLength(reads);
  });

  it('shows why a cancelled order was cancelled', async () => {
    shopWithOrderStates(order({ status: 'CANCELLED', cancelReason: 'payment declined: card_declined' }));
    renderApp(`/orders/${order().id}`);

    expect(await screen.findByText('This order was cancelled.')).toBeInTheDocument();
    expect(screen.getByText(/payment declined: card_declined/)).toBeInTheDocument();
  });

  it('puts the items of a cancelled order back in the cart', async () => {
    const user = userEvent.setup();
    const api = shopWithOrderStates(order({ status: 'CANCELLED', cancelReason: 'PAYMENTS.PROVIDER_UNAVAILABLE: The payment provider is unavailable' }));
    const { router } = renderApp(`/orders/${order().id}`);

    await user.click(await screen.findByRole('button', { name: 'Put these items back in your cart' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/cart'));
    expect(api.calls('POST', '/api/cart/items').map((request) => request.body)).toEqual([{ productId: order().lines[0]?.productId, quantity: 2 }]);
  });
});
