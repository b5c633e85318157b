import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability, StockCounts, StockLevel, WarehouseList } from '@bazaar/inventory/contract';
import { freshSku, RENO, ROTTERDAM, startInventoryFixture, valueOf, type InventoryFixture } from './support/inventory.fixture.ts';

let fixture: InventoryFixture;
beforeAll(async () => {
  fixture = await startInventoryFixture({ env: { INVENTORY_EXPIRY_INTERVAL_MS: '3600000' } });
});
afterAll(() => fixture.close());

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

describe('the warehouses', () => {
  it('are listed for anyone, by name', async () => {
    const response = await fixture.request('GET', '/api/inventory/warehouses');
    expect(response.statusCode).toBe(200);
    expect(response.json<WarehouseList>()).toEqual([
      { id: RENO, name: 'Reno' },
      { id: ROTTERDAM, name: 'Rotterdam' },
    ]);
  });
});

describe('the availability of a SKU', () => {
  it('is shown to anyone per warehouse and in total, net of what is reserved', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 6, reno: 4 });
    valueOf(await fixture.useCases.reserveStock({ orderId: 'ord_routes-1', lines: [{ sku, quantity: 5 }] }));
    const response = await fixture.request('GET', `/api/inventory/${sku}`);
    expect(response.statusCode).toBe(200);
    expect(response.json<Availability>()).toEqual({
      sku,
      available: 5,
      warehouses: [
        { warehouseId: RENO, name: 'Reno', available: 4 },
        { warehouseId: ROTTERDAM, name: 'Rotterdam', available: 1 },
      ],
    });
  });

  it('is zero everywhere for a SKU that was never stocked', async () => {
    const sku = freshSku('never');
    const response = await fixture.request('GET', `/api/inventory/${sku}`);
    expect(response.json<Availability>()).toEqual({
      sku,
      available: 0,
      warehouses: [
        { warehouseId: RENO, name: 'Reno', available: 0 },
        { warehouseId: ROTTERDAM, name: 'Rotterdam', available: 0 },
      ],
    });
  });

  it.each(['SKU-1', 'sku_Upper', 'sku_', `sku_${'a'.repeat(70)}`, 'sku_a%20b'])('is refused with 400 for the malformed SKU %s', async (sku) => {
    expectProblem(await fixture.request('GET', `/api/inventory/${sku}`), 400, 'PLATFORM.VALIDATION');
  });
});

describe('the stock counts of a SKU', () => {
  it('show an administrator on hand, reserved and available per warehouse and in total', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 6, reno: 4 });
    valueOf(await fixture.useCases.reserveStock({ orderId: 'ord_counts-1', lines: [{ sku, quantity: 5 }] }));
    const response = await fixture.request('GET', `/api/inventory/${sku}/counts`, { token: fixture.adminToken });
    expect(response.statusCode).toBe(200);
    const counts = response.json<StockCounts>();
    expect(counts).toMatchObject({ sku, onHand: 10, reserved: 5, available: 5 });
    expect(counts.warehouses.map(({ name, onHand, reserved, available }) => ({ name, onHand, reserved, available }))).toEqual([
      { name: 'Reno', onHand: 4, reserved: 0, available: 4 },
      { name: 'Rotterdam', onHand: 6, reserved: 5, available: 1 },
    ]);
  });

  it('are for administrators only', async () => {
    expectProblem(await fixture.request('GET', '/api/inventory/sku_ok/counts'), 401, 'PLATFORM.UNAUTHENTICATED');
    expectProblem(await fixture.request('GET', '/api/inventory/sku_ok/counts', { token: fixture.customerToken }), 403, 'PLATFORM.FORBIDDEN');
  });
});

describe('an administrator setting stock', () => {
  it('creates the row the first time and changes it afterwards, with a growing version', async () => {
    const sku = freshSku();
    const first = await fixture.request('PUT', `/api/inventory/${sku}`, { token: fixture.adminToken, body: { warehouseId: RENO, onHand: 12 } });
    expect(first.statusCode).toBe(200);
    expect(first.json<StockLevel>()).toEqual({ sku, available: 12, warehouses: [{ warehouseId: RENO, onHand: 12, reserved: 0, available: 12, version: 1 }] });
    const second = await fixture.request('PUT', `/api/inventory/${sku}`, { token: fixture.adminToken, body: { warehouseId: RENO, onHand: 30 } });
    expect(second.json<StockLevel>().warehouses).toEqual([{ warehouseId: RENO, onHand: 30, reserved: 0, available: 30, version: 2 }]);
    expect((await fixture.request('GET', `/api/inventory/${sku}`)).json<Availability>().available).toBe(30);
  });

  it('is refused with 409 below what is reserved, and nothing is written', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 10 });
    valueOf(await fixture.useCases.reserveStock({ orderId: 'ord_routes-2', lines: [{ sku, quantity: 8 }] }));
    const before = await fixture.snapshot();
    const response = await fixture.request('PUT', `/api/inventory/${sku}`, { token: fixture.adminToken, body: { warehouseId: ROTTERDAM, onHand: 7 } });
    expectProblem(response, 409, 'INVENTORY.BELOW_RESERVED');
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('is refused with 422 for a warehouse that does not exist, and nothing is written', async () => {
    const before = await fixture.snapshot();
    const response = await fixture.request('PUT', `/api/inventory/${freshSku()}`, {
      token: fixture.adminToken,
      body: { warehouseId: 'wh_01m80wnwzn619sss20tcr80000', onHand: 5 },
    });
    expectProblem(response, 422, 'INVENTORY.UNKNOWN_WAREHOUSE');
    expect(response.json()).toMatchObject({ errors: [{ path: 'body.warehouseId' }] });
    expect(await fixture.snapshot()).toEqual(before);
  });

  it.each<[string, string, unknown, string]>([
    ['a malformed SKU', 'SKU 1', { warehouseId: RENO, onHand: 1 }, 'params.sku'],
    ['a negative count', 'sku_ok', { warehouseId: RENO, onHand: -1 }, 'body.onHand'],
    ['a fractional count', 'sku_ok', { warehouseId: RENO, onHand: 2.5 }, 'body.onHand'],
    ['an absurd count', 'sku_ok', { warehouseId: RENO, onHand: 1_000_000_001 }, 'body.onHand'],
    ['a count given as text', 'sku_ok', { warehouseId: RENO, onHand: '5' }, 'body.onHand'],
    ['a missing count', 'sku_ok', { warehouseId: RENO }, 'body.onHand'],
    ['a missing warehouse', 'sku_ok', { onHand: 5 }, 'body.warehouseId'],
    ['a malformed warehouse id', 'sku_ok', { warehouseId: 'rotterdam', onHand: 5 }, 'body.warehouseId'],
    ['a field the API does not know', 'sku_ok', { warehouseId: RENO, onHand: 5, reserved: 0 }, 'body.reserved'],
    ['a body that is not an object', 'sku_ok', [5], 'body'],
  ])('is refused with 400 for %s, and nothing is written', async (_why, sku, body, path) => {
    const before = await fixture.snapshot();
    const response = await fixture.request('PUT', `/api/inventory/${encodeURIComponent(sku)}`, { token: fixture.adminToken, body });
    expectProblem(response, 400, 'PLATFORM.VALIDATION');
    const errors = response.json<{ errors: { path: string }[] }>().errors;
    expect(errors.some((e) => e.path === path || e.path.startsWith(`${path}.`))).toBe(true);
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('is refused with 400 for a body that is not JSON', async () => {
    const response = await fixture.service.app.inject({
      method: 'PUT',
      url: '/api/inventory/sku_ok',
      headers: { authorization: `Bearer ${fixture.adminToken}`, 'content-type': 'application/json' },
      payload: '{"onHand": ',
    });
    expectProblem(response, 400, 'PLATFORM.MALFORMED_JSON');
  });
});

describe('stock changes by anyone but an administrator', () => {
  const body = { warehouseId: RENO, onHand: 99 };

  it('are refused with 401 without a token, asking for one, before the body is looked at', async () => {
    const response = await fixture.request('PUT', '/api/inventory/sku_ok', { body });
    expectProblem(response, 401, 'PLATFORM.UNAUTHENTICATED');
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expectProblem(await fixture.request('PUT', '/api/inventory/sku_ok', { body: { nonsense: true } }), 401, 'PLATFORM.UNAUTHENTICATED');
  });

  it('are refused with 403 for a customer', async () => {
    expectProblem(await fixture.request('PUT', '/api/inventory/sku_ok', { body, token: fixture.customerToken }), 403, 'PLATFORM.FORBIDDEN');
  });

  it('are refused with 401 for a forged or garbled token, even one claiming the admin role', async () => {
    for (const token of [await fixture.issuer.forgedToken({ roles: ['admin'] }), 'not-a-jwt']) {
      expectProblem(await fixture.request('PUT', '/api/inventory/sku_ok', { body, token }), 401, 'PLATFORM.INVALID_TOKEN');
    }
  });

  it('write nothing', async () => {
    const before = await fixture.snapshot();
    for (const token of [undefined, fixture.customerToken, 'not-a-jwt']) await fixture.request('PUT', '/api/inventory/sku_ok', { body, token });
    expect(await fixture.snapshot()).toEqual(before);
  });
});

describe('the service surface', () => {
  it('is ready when its database and broker are, and documents its routes', async () => {
    expect((await fixture.request('GET', '/readyz')).json()).toMatchObject({ status: 'ready', checks: [{ name: 'postgres', ok: true }, { name: 'broker', ok: true }] });
    const paths = Object.keys((await fixture.request('GET', '/openapi.json')).json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/inventory/warehouses', '/api/inventory/{sku}']));
  });
});
