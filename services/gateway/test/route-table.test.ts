import { describe, expect, it } from 'vitest';
import { accessFor, routeFor, routedServices, routerPatterns } from '../src/domain/route-table.ts';

describe('the route table', () => {
  it('gives each public path its owning service', () => {
    expect(routeFor('/api/auth/login')?.service).toBe('identity');
    expect(routeFor('/api/me')?.service).toBe('identity');
    expect(routeFor('/.well-known/jwks.json')?.service).toBe('identity');
    expect(routeFor('/api/admin/keys/rotate')?.service).toBe('identity');
    expect(routeFor('/api/admin/payment-provider/faults')?.service).toBe('payment-provider');
    expect(routeFor('/api/admin/dead-letters/orders')?.service).toBe('orders');
    expect(routeFor('/api/admin/dead-letters/payments/dlq_1/redrive')?.service).toBe('payments');
    expect(routeFor('/api/payments/ord_1')?.service).toBe('payments');
    expect(routeFor('/api/products')?.service).toBe('catalog');
    expect(routeFor('/api/products/{id}')?.service).toBe('catalog');
    expect(routeFor('/api/categories')?.service).toBe('catalog');
    expect(routeFor('/api/cart/items/prd_1')?.service).toBe('cart');
    expect(routeFor('/api/checkout')?.service).toBe('orders');
    expect(routeFor('/api/orders/ord_1')?.service).toBe('orders');
    expect(routeFor('/api/inventory/sku_1')?.service).toBe('inventory');
    expect(routeFor('/api/notifications')?.service).toBe('notifications');
  });

  it('matches whole path segments only', () => {
    expect(routeFor('/api/productsX')).toBeUndefined();
    expect(routeFor('/api/auth')).toBeUndefined();
    expect(routeFor('/api/me/more')).toBeUndefined();
    expect(routeFor('/api/admin/system')).toBeUndefined();
  });

  it('asks customers to sign in and keeps catalog changes and stock changes to administrators', () => {
    expect(accessFor(routeFor('/api/me')!, 'GET')).toBe('customer');
    expect(accessFor(routeFor('/api/checkout')!, 'POST')).toBe('customer');
    expect(accessFor(routeFor('/api/products')!, 'GET')).toBe('public');
    expect(accessFor(routeFor('/api/products')!, 'HEAD')).toBe('public');
    expect(accessFor(routeFor('/api/products/prd_1')!, 'DELETE')).toBe('admin');
    expect(accessFor(routeFor('/api/categories')!, 'POST')).toBe('admin');
    expect(accessFor(routeFor('/api/inventory/sku_1')!, 'GET')).toBe('public');
    expect(accessFor(routeFor('/api/inventory/sku_1')!, 'PUT')).toBe('admin');
    expect(accessFor(routeFor('/api/admin/keys/rotate')!, 'GET')).toBe('admin');
    expect(accessFor(routeFor('/api/auth/login')!, 'POST')).toBe('public');
    // Anonymous shoppers hold a cart before they sign in; the cart service tells whose cart a request is.
    expect(accessFor(routeFor('/api/cart')!, 'POST')).toBe('public');
    expect(accessFor(routeFor('/api/admin/payment-provider/faults')!, 'PUT')).toBe('admin');
    expect(accessFor(routeFor('/api/admin/dead-letters/inventory')!, 'GET')).toBe('admin');
  });

  it('turns table paths into router patterns', () => {
    expect(routerPatterns('/api/me')).toEqual(['/api/me']);
    expect(routerPatterns('/api/auth/*')).toEqual(['/api/auth/*']);
    expect(routerPatterns('/api/products*')).toEqual(['/api/products', '/api/products/*']);
  });

  it('lists every routed service once', () => {
    const services = routedServices();
    expect(new Set(services).size).toBe(services.length);
    expect([...services].sort()).toEqual(['cart', 'catalog', 'identity', 'inventory', 'notifications', 'orders', 'payment-provider', 'payments']);
  });
});
