import type { CartView, Category, Order, Product } from '../api/types.ts';

export const category: Category = {
  id: 'cat_01m8byb3jhncjc7b2ywgp7beg6',
  slug: 'sports-outdoors',
  name: 'Sports & Outdoors',
  description: 'Gear for the trail.',
  productCount: 2,
};

export function product(overrides: Partial<Product> = {}): Product {
  return {
    id: 'prd_01m8byb3jp6b6kfqz0wkdsgmr5',
    sku: 'sku_spo-0013',
    name: 'Velocita Commuter Cycling Helmet',
    description: 'Built for the road.',
    category: { id: category.id, slug: category.slug, name: category.name },
    priceMinor: 14099,
    currency: 'USD',
    attributes: { brand: 'Velocita', weightGrams: 249, sizes: ['S', 'M'] },
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function cartWith(items: { productId: string; name: string; priceMinor: number; quantity: number }[], id = 'usr_test'): CartView {
  return {
    id,
    anonymous: id.startsWith('crt_'),
    items: items.map((item) => ({ ...item, sku: 'sku_x-1', currency: 'USD', lineTotalMinor: item.priceMinor * item.quantity })),
    totals: [{ currency: 'USD', totalMinor: items.reduce((sum, i) => sum + i.priceMinor * i.quantity, 0), quantity: items.reduce((sum, i) => sum + i.quantity, 0) }],
    updatedAt: '2026-11-01T10:00:00.000Z',
  };
}

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 'ord_01m8byb3jp6b6kfqz0wkdsgmr5',
    userId: 'usr_test',
    status: 'PENDING',
    lines: [{ productId: 'prd_01m8byb3jp6b6kfqz0wkdsgmr5', sku: 'sku_spo-0013', name: 'Helmet', quantity: 2, unitPriceMinor: 14099, currency: 'USD' }],
    totalMinor: 28198,
    currency: 'USD',
    shippingAddress: { name: 'Sam', line1: '1 Market St', city: 'Rotterdam', postalCode: '3011', country: 'NL' },
    cancelReason: null,
    statusUrl: '/api/orders/ord_01m8byb3jp6b6kfqz0wkdsgmr5',
    ...overrides,
  };
}
