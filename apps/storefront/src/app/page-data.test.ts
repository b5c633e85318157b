import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '../test/fake-api.ts';
import { category, product } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';
import { pageDataPaths } from './page-data.ts';

const item = product({ id: 'prd_01m8byb3jp6b6kfqz0wkdsgmr1', name: 'Enamel kettle' });

function at(address: string) {
  const url = new URL(address, 'http://shop.test');
  return { pathname: url.pathname, search: url.search };
}

describe('pageDataPaths', () => {
  it('names the catalog reads of each page a shopper lands on, with the filters in its address', () => {
    expect(pageDataPaths(at('/'))).toEqual(['/api/categories', '/api/products?sort=newest&limit=8']);
    expect(pageDataPaths(at('/categories/kitchen?sort=price_asc&minPrice=1000&page=junk'))).toEqual([
      '/api/categories',
      '/api/products?category=kitchen&sort=price_asc&minPrice=1000',
    ]);
    expect(pageDataPaths(at('/search?q=%20lamp%20&maxPrice=5000'))).toEqual(['/api/products?q=lamp&sort=relevance&maxPrice=5000']);
    expect(pageDataPaths(at('/products/prd%2F1'))).toEqual(['/api/products/prd%2F1']);
  });

  it('starts nothing for a search without words, a signed-in page or an unknown one', () => {
    expect(pageDataPaths(at('/search?q=%20'))).toEqual([]);
    expect(pageDataPaths(at('/orders'))).toEqual([]);
    expect(pageDataPaths(at('/admin/system'))).toEqual([]);
    expect(pageDataPaths(at('/no/such/page'))).toEqual([]);
  });

  // An early read is only of use when the page asks for exactly the same path: a drift between the two would
  // double every landing's requests without any test noticing.
  it.each([
    ['/', 'Enamel kettle'],
    [`/categories/${category.slug}?sort=price_desc&maxPrice=9000`, 'Enamel kettle'],
    ['/search?q=kettle&sort=name', 'Enamel kettle'],
    [`/products/${item.id}`, 'Enamel kettle'],
  ])('names exactly what the page at %s then reads', async (address, shown) => {
    const api = fakeApi({
      'POST /api/auth/refresh': () => problem(401, 'Unauthorized'),
      'GET /api/categories': () => json([category]),
      'GET /api/products': () => json({ items: [item], nextCursor: null }),
      [`GET /api/products/${item.id}`]: () => json(item),
      [`GET /api/inventory/${item.sku}/availability`]: () => json({ sku: item.sku, available: 3, warehouses: [] }),
    });
    renderApp(address);

    expect((await screen.findAllByText(shown)).length).toBeGreaterThan(0);
    const read = api.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    for (const path of pageDataPaths(at(address))) expect(read).toContain(path);
  });
});
