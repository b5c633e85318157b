import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SystemView } from '../api/types.ts';
import { fakeAccessToken, fakeApi, json, problem, tokenPair } from '../test/fake-api.ts';
import { cartWith, category, order, product } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';

const common = {
  'GET /api/cart': () => json(cartWith([])),
  'GET /api/notifications': () => json({ items: [], nextCursor: null, unreadCount: 0 }),
};
const admin = () => tokenPair(fakeAccessToken({ roles: ['customer', 'admin'] }));
const noLetters = () => json({ items: [], nextCursor: null });

const system: SystemView = {
  generatedAt: '2026-11-26T10:00:00.000Z',
  services: [
    {
      name: 'orders',
      replicas: [{ url: 'http://127.0.0.1:4001', status: 'ready', pid: 42, uptimeSeconds: 30, checks: [{ name: 'postgres', ok: true }], ejected: false, inFlight: 1 }],
      breaker: 'closed',
      messaging: { outboxPending: 3, outboxOldestAgeSeconds: 2.5, deadLettersPending: 1 },
    },
    {
      name: 'payments',
      replicas: [{ url: 'http://127.0.0.1:4002', status: 'down', pid: null, uptimeSeconds: null, checks: [{ name: 'postgres', ok: false }], ejected: true, inFlight: 0 }],
      breaker: 'open',
      messaging: null,
    },
  ],
};

describe('the admin console', () => {
  it('is closed to accounts without the admin role', async () => {
    fakeApi({ 'POST /api/auth/refresh': () => tokenPair(fakeAccessToken({ roles: ['customer'] })), ...common });
    renderApp('/admin/system');

    expect(await screen.findByRole('heading', { name: 'Admins only' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('shows every service with its replicas, breaker, outbox lag and dead letters', async () => {
    fakeApi({
      'POST /api/auth/refresh': admin,
      ...common,
      'GET /api/admin/system': () => json(system),
      'GET /api/admin/payment-provider/faults': () => json({ latencyMs: 0, declineRate: 0, outage: false }),
      'GET /api/admin/dead-letters/identity': noLetters,
      'GET /api/admin/dead-letters/inventory': noLetters,
      'GET /api/admin/dead-letters/orders': noLetters,
      'GET /api/admin/dead-letters/payments': noLetters,
      'GET /api/admin/dead-letters/notifications': noLetters,
    });
    renderApp('/admin/system');

    const services = await screen.findByRole('region', { name: 'Services' });
    const orders = (await within(services).findByRole('heading', { name: 'orders' })).closest('li')!;
    expect(orders).toHaveTextContent('1 of 1 replicas ready · breaker closed (healthy)');
    expect(orders).toHaveTextContent('Outbox: 3 pending (oldest 2.5 s) · dead letters: 1');
    const payments = within(services).getByRole('heading', { name: 'payments' }).closest('li')!;
    expect(payments).toHaveTextContent('0 of 1 replicas ready · breaker open (calls refused)');
    expect(payments).toHaveTextContent('taken out of rotation');
    expect(payments).toHaveTextContent('Failing: postgres');
  });

  it('re-drives a dead letter', async () => {
    const user = userEvent.setup();
    const letter = {
      id: 'dl_1',
      consumer: 'orders.saga',
      messageId: 'msg_1',
      type: 'payment.authorized',
      error: 'boom',
      attempts: 5,
      deadAt: '2026-11-26T10:00:00.000Z',
      redrivenAt: null,
      message: {},
      raw: null,
    };
    let redriven = false;
    const api = fakeApi({
      'POST /api/auth/refresh': admin,
      ...common,
      'GET /api/admin/system': () => json({ generatedAt: system.generatedAt, services: [] }),
      'GET /api/admin/payment-provider/faults': () => json({ latencyMs: 0, declineRate: 0, outage: false }),
      'GET /api/admin/dead-letters/identity': noLetters,
      'GET /api/admin/dead-letters/inventory': noLetters,
      'GET /api/admin/dead-letters/orders': () => json({ items: redriven ? [] : [letter], nextCursor: null }),
      'GET /api/admin/dead-letters/payments': noLetters,
      'GET /api/admin/dead-letters/notifications': noLetters,
      'POST /api/admin/dead-letters/orders/dl_1/redrive': () => {
        redriven = true;
        return json({ ...letter, redrivenAt: '2026-11-26T10:01:00.000Z' });
      },
    });
    renderApp('/admin/system');

    await user.click(await screen.findByRole('button', { name: 'Re-drive payment.authorized msg_1' }));

    expect(await screen.findByText('Re-drove dl_1.')).toBeInTheDocument();
    expect(api.calls('POST', '/api/admin/dead-letters/orders/dl_1/redrive')[0]?.body).toEqual({});
    const section = screen.getByRole('region', { name: 'orders' });
    await waitFor(() => expect(within(section).getByText('No dead letters.')).toBeInTheDocument());
  });

  it("turns the payment provider's outage on", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'POST /api/auth/refresh': admin,
      ...common,
      'GET /api/admin/system': () => json({ generatedAt: system.generatedAt, services: [] }),
      'GET /api/admin/payment-provider/faults': () => json({ latencyMs: 0, declineRate: 0, outage: false }),
      'PUT /api/admin/payment-provider/faults': (request) => json(request.body),
      'GET /api/admin/dead-letters/identity': noLetters,
      'GET /api/admin/dead-letters/inventory': noLetters,
      'GET /api/admin/dead-letters/orders': noLetters,
      'GET /api/admin/dead-letters/payments': noLetters,
      'GET /api/admin/dead-letters/notifications': noLetters,
    });
    renderApp('/admin/system');

    await user.click(await screen.findByLabelText('Outage: the provider refuses every call'));
    await user.clear(screen.getByLabelText('Decline rate (%)'));
    await user.type(screen.getByLabelText('Decline rate (%)'), '25');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(await screen.findByText('outage — every call fails')).toBeInTheDocument();
    expect(api.calls('PUT', '/api/admin/payment-provider/faults')[0]?.body).toEqual({ latencyMs: 0, declineRate: 0.25, outage: true });
  });

  it("edits a product's price, sending only what changed, and shows the server's field errors", async () => {
    const user = userEvent.setup();
    const helmet = product();
    let attempt = 0;
    const api = fakeApi({
      'POST /api/auth/refresh': admin,
      ...common,
      'GET /api/categories': () => json([category]),
      [`GET /api/products/${helmet.id}`]: () => json(helmet),
      [`PATCH /api/products/${helmet.id}`]: (request) =>
        attempt++ === 0
          ? problem(400, 'The request is not valid', { code: 'PLATFORM.VALIDATION', errors: [{ path: 'body.priceMinor', message: 'must be <= 10000000000' }] })
          : json({ ...helmet, ...(request.body as object), version: 2 }),
    });
    renderApp(`/admin/products/${helmet.id}`);

    const price = await screen.findByLabelText('Price');
    await user.clear(price);
    await user.type(price, '99999999999');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(price).toHaveAccessibleDescription("In the currency's main unit, e.g. 19.99. must be <= 10000000000"));

    await user.clear(price);
    await user.type(price, '129.50');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved (version 2).')).toBeInTheDocument();
    expect(api.calls('PATCH', `/api/products/${helmet.id}`)[1]?.body).toEqual({ priceMinor: 12950 });
  });

  it('shows a SKU’s stock on hand, reserved and available per warehouse, and sets what is on hand', async () => {
    const warehouses = [
      { id: 'wh_reno', name: 'Reno' },
      { id: 'wh_rotterdam', name: 'Rotterdam' },
    ];
    let onHand = 6;
    const counts = () =>
      json({
        sku: 'sku_lamp',
        onHand: onHand + 4,
        reserved: 5,
        available: onHand - 1,
        warehouses: [
          { warehouseId: 'wh_reno', name: 'Reno', onHand: 4, reserved: 0, available: 4 },
          { warehouseId: 'wh_rotterdam', name: 'Rotterdam', onHand, reserved: 5, available: onHand - 5 },
        ],
      });
    const puts: unknown[] = [];
    fakeApi({
      'POST /api/auth/refresh': admin,
      ...common,
      'GET /api/inventory/warehouses': () => json(warehouses),
      'GET /api/inventory/sku_lamp/counts': counts,
      'PUT /api/inventory/sku_lamp': ({ body }) => {
        puts.push(body);
        onHand = 9;
        return json({ sku: 'sku_lamp', available: 8, warehouses: [{ warehouseId: 'wh_rotterdam', onHand: 9, reserved: 5, available: 4, version: 2 }] });
      },
    });
    renderApp('/admin/stock/sku_lamp');

    const rotterdam = (await screen.findByRole('heading', { name: 'Rotterdam' })).closest('form')!;
    expect(rotterdam).toHaveTextContent('On hand 6, reserved 5, available 1');
    expect(screen.getByText(/In total: 10 on hand, 5 reserved, 5 available/)).toBeInTheDocument();

    await userEvent.type(within(rotterdam).getByLabelText('New stock on hand'), '9');
    await userEvent.click(within(rotterdam).getByRole('button', { name: 'Set stock' }));
    await waitFor(() => expect(rotterdam).toHaveTextContent('On hand 9, reserved 5, available 4'));
    expect(puts).toEqual([{ warehouseId: 'wh_rotterdam', onHand: 9 }]);
  });

  it('lists products in a named table, each linking to its form and to its stock', async () => {
    const helmet = product();
    fakeApi({ 'POST /api/auth/refresh': admin, ...common, 'GET /api/products': () => json({ items: [helmet], nextCursor: null }) });
    renderApp('/admin');

    const table = await screen.findByRole('table', { name: 'Products' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Name', 'SKU', 'Category', 'Price', 'Actions']);
    expect(within(table).getByRole('link', { name: helmet.name })).toHaveAttribute('href', `/admin/products/${helmet.id}`);
    expect(within(table).getByRole('link', { name: `Stock of ${helmet.name}` })).toHaveAttribute('href', `/admin/stock/${helmet.sku}`);
  });

  it("shows an order's event history and the checkout saga's steps", async () => {
    const placed = order({
      status: 'CONFIRMED',
      events: [
        { version: 1, type: 'OrderPlaced', occurredAt: '2026-11-26T10:00:00.000Z' },
        { version: 2, type: 'OrderConfirmed', occurredAt: '2026-11-26T10:00:02.000Z' },
      ],
      saga: { status: 'completed', currentStep: null, steps: [{ stepId: 'reserve-stock', phase: 'run', status: 'done', attempts: 1 }] },
    });
    fakeApi({ 'POST /api/auth/refresh': admin, ...common, [`GET /api/orders/${placed.id}`]: () => json(placed) });
    renderApp(`/admin/orders/${placed.id}`);

    const history = await screen.findByRole('region', { name: 'Event history' });
    expect(within(history).getAllByRole('listitem').map((item) => item.textContent)).toEqual([expect.stringContaining('v1 OrderPlaced'), expect.stringContaining('v2 OrderConfirmed')]);
    const steps = screen.getByRole('table', { name: 'Checkout saga steps' });
    expect(within(steps).getByRole('row', { name: 'reserve-stock run done 1' })).toBeInTheDocument();
  });

  it('offers Delete again when the catalog refuses to delete a product', async () => {
    const user = userEvent.setup();
    const helmet = product();
    fakeApi({
      'POST /api/auth/refresh': admin,
      ...common,
      'GET /api/categories': () => json([category]),
      [`GET /api/products/${helmet.id}`]: () => json(helmet),
      [`DELETE /api/products/${helmet.id}`]: () => problem(409, 'The product has stock on hand', { code: 'CATALOG.PRODUCT_IN_USE' }),
    });
    const { router } = renderApp(`/admin/products/${helmet.id}`);

    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: `Yes, delete ${helmet.name}` }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The product has stock on hand');
    expect(screen.getByRole('button', { name: 'Delete' })).toBeEnabled();
    expect(router.state.location.pathname).toBe(`/admin/products/${helmet.id}`);
  });
});
