import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, npmStart, type StartedProcess } from '../system/embedded-process.ts';
import { capture, launchBrowser, newVisitor } from './browser.ts';

const ADMIN = { email: 'admin@bazaar.local', password: 'e2e-admin-password-local' };
const PASSWORD = 'a long passphrase for the e2e shopper';

interface CatalogProduct {
  id: string;
  sku: string;
  name: string;
  priceMinor: number;
  category: { slug: string; name: string };
}

describe('the storefront in a browser, against the embedded placement', () => {
  let dataDir: string;
  let base: string;
  let system: StartedProcess;
  let browser: Browser;
  let shopper: Page;
  let admin: Page;
  const problems: string[] = [];

  async function api<T>(url: string): Promise<T> {
    const response = await fetch(`${base}${url}`);
    expect(response.status, url).toBe(200);
    return (await response.json()) as T;
  }

  /** Products the shopper can actually buy: listed by the catalog with stock in some warehouse. */
  async function inStock(query: string, count: number, excluding: string[] = []): Promise<CatalogProduct[]> {
    const page = await api<{ items: CatalogProduct[] }>(`/api/products?${query}&limit=50`);
    const found: CatalogProduct[] = [];
    for (const product of page.items) {
      if (excluding.includes(product.id)) continue;
      const stock = await api<{ available: number }>(`/api/inventory/${product.sku}`);
      if (stock.available >= 3) found.push(product);
      if (found.length === count) return found;
    }
    throw new Error(`fewer than ${count} products in stock for ${query}`);
  }

  /** Screenshot and accessibility check of the page as it is now. */
  async function check(page: Page, name: string) {
    expect(await capture(page, name), `serious accessibility violations on ${name}`).toEqual([]);
  }

  async function addToCart(page: Page, product: CatalogProduct) {
    await page.goto(`/products/${product.id}`);
    await page.getByText(/\d+ in stock/).waitFor();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText(`Added 1 × ${product.name} to your cart.`).waitFor();
  }

  async function checkOut(page: Page, card: 'Visa test card (approves)' | 'Declined test card'): Promise<string> {
    await page.goto('/checkout');
    await page.getByLabel('Full name').fill('Sam Shopper');
    await page.getByLabel('Street and number').fill('1 Market St');
    await page.getByLabel('Postal code').fill('3011 AA');
    await page.getByLabel('City').fill('Rotterdam');
    await page.getByLabel('Card').selectOption({ label: card });
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/ord_/);
    return new URL(page.url()).pathname.split('/').at(-1)!;
  }

  /** Waits until the order page's live status badge shows `status`. */
  async function waitForStatus(page: Page, status: 'CONFIRMED' | 'CANCELLED') {
    await page.locator(`.order-status-line [data-status="${status}"]`).waitFor({ timeout: 30_000 });
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bazaar-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    system = await npmStart(
      {
        BAZAAR_DATA_DIR: dataDir,
        PORT: String(port),
        BAZAAR_ADMIN_EMAIL: ADMIN.email,
        BAZAAR_ADMIN_PASSWORD: ADMIN.password,
        // Checkout answers 202 at once, so every order is followed live by the order page, as a slow saga would be.
        ORDERS_CHECKOUT_WAIT_MS: '0',
      },
      // A fresh clone builds the storefront before the placement starts.
      150_000,
    );
    browser = await launchBrowser();
    shopper = (await newVisitor(browser, base, problems)).page;
    admin = (await newVisitor(browser, base, problems)).page;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('a shopper searches, opens a product, adds two items, registers, checks out, sees CONFIRMED and the confirmation', async () => {
    const [helmet] = await inStock('q=helmet', 1);
    const [other] = await inStock('category=books&sort=name', 1, [helmet!.id]);

    await shopper.goto('/');
    await shopper.getByRole('heading', { name: 'Shop by category' }).waitFor();
    await shopper.getByRole('link', { name: /Books/ }).waitFor();
    await check(shopper, 'home');

    await shopper.getByRole('searchbox', { name: 'Search products' }).pressSequentially('helmet', { delay: 40 });
    await shopper.waitForURL(/\/search\?q=helmet/);
    await shopper.getByRole('link', { name: helmet!.name }).click();
    await shopper.getByRole('heading', { name: helmet!.name, level: 1 }).waitFor();
    await shopper.getByRole('table', { name: 'Stock by warehouse' }).waitFor();
    await check(shopper, 'product');
    await shopper.getByRole('button', { name: 'Add to cart' }).click();
    await shopper.getByText(`Added 1 × ${helmet!.name} to your cart.`).waitFor();

    await shopper.goto('/');
    await shopper.getByRole('link', { name: /Books/ }).click();
    await shopper.getByRole('heading', { name: 'Books', level: 1 }).waitFor();
    await shopper.getByLabel('Sort by').selectOption('name');
    await shopper.getByRole('link', { name: other!.name }).waitFor();
    await check(shopper, 'category');
    await shopper.goto('/search?q=helmet');
    await shopper.getByRole('link', { name: helmet!.name }).waitFor();
    await check(shopper, 'search');
    await addToCart(shopper, other!);

    await shopper.getByRole('link', { name: /^Cart/ }).click();
    await expect.poll(() => shopper.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem').count()).toBe(2);
    await check(shopper, 'cart');

    await shopper.getByRole('link', { name: 'Create an account' }).click();
    await shopper.getByLabel('Name').waitFor();
    await check(shopper, 'register');
    await shopper.getByLabel('Name').fill('Sam Shopper');
    await shopper.getByLabel('E-mail').fill(`sam-${Date.now()}@example.com`);
    await shopper.getByLabel('Password').fill(PASSWORD);
    await shopper.getByRole('button', { name: 'Create account' }).click();
    await shopper.waitForURL(/\/checkout$/);
    // The anonymous cart was merged into the new account at login.
    await expect.poll(() => shopper.locator('.order-summary li').count()).toBe(2);
    await check(shopper, 'checkout');

    const orderId = await checkOut(shopper, 'Visa test card (approves)');
    await waitForStatus(shopper, 'CONFIRMED');
    await check(shopper, 'order-confirmed');

    await shopper.getByRole('link', { name: /^Inbox/ }).click();
    await shopper.getByRole('heading', { name: `Your order ${orderId} is confirmed` }).waitFor({ timeout: 30_000 });
    await check(shopper, 'inbox');
    await shopper.getByRole('button', { name: `Mark as read: Your order ${orderId} is confirmed` }).click();
    await shopper.getByRole('button', { name: `Mark as read: Your order ${orderId} is confirmed` }).waitFor({ state: 'detached' });

    await shopper.getByRole('link', { name: 'Orders' }).click();
    await shopper.getByRole('link', { name: orderId }).waitFor();
    await check(shopper, 'orders');
  });

  it('a declined card ends CANCELLED with the reason shown', async () => {
    const [product] = await inStock('category=garden&sort=name', 1);
    await addToCart(shopper, product!);

    await checkOut(shopper, 'Declined test card');

    await waitForStatus(shopper, 'CANCELLED');
    await shopper.getByText('This order was cancelled.').waitFor();
    await expect.poll(() => shopper.locator('.notice.danger').textContent()).toMatch(/Reason: .*declined/i);
    await check(shopper, 'order-cancelled');
  });

  it('an admin edits a price and the storefront shows it', async () => {
    const [product] = await inStock('category=office&sort=name', 1);

    await admin.goto('/admin');
    await admin.waitForURL(/\/login\?next=%2Fadmin/);
    await check(admin, 'login');
    await admin.getByLabel('E-mail').fill(ADMIN.email);
    await admin.getByLabel('Password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/\/admin$/);
    await admin.getByLabel('Find products').fill(product!.name);
    await admin.getByRole('link', { name: product!.name, exact: true }).click();
    await admin.getByLabel('Price').waitFor();
    await check(admin, 'admin-product');
    await admin.getByLabel('Price').fill('12.34');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByText(/Saved \(version \d+\)\./).waitFor();

    await shopper.goto(`/products/${product!.id}`);
    await shopper.getByRole('heading', { name: product!.name, level: 1 }).waitFor();
    await expect.poll(() => shopper.locator('.product-info .price').textContent()).toBe('$12.34');
  });

  it('an admin turns the payment provider off: a shopper’s order waits, and is confirmed once it is back on', async () => {
    const [product] = await inStock('category=toys-games&sort=name', 1);
    await admin.goto('/admin/system');
    await admin.getByRole('region', { name: 'Services' }).getByRole('heading', { name: 'orders' }).waitFor();
    await check(admin, 'admin-system');
    await admin.getByLabel('Outage: the provider refuses every call').check();
    await admin.getByRole('button', { name: 'Apply' }).click();
    await admin.getByText('outage — every call fails').waitFor();

    await addToCart(shopper, product!);
    const orderId = await checkOut(shopper, 'Visa test card (approves)');
    // Payments keeps the authorization pending and retries it while the provider is down: the order waits.
    await shopper.waitForTimeout(3_000);
    for (const final of ['CONFIRMED', 'CANCELLED']) expect(await shopper.locator(`.order-status-line [data-status="${final}"]`).count()).toBe(0);

    await admin.getByRole('button', { name: 'Reset to healthy' }).click();
    await admin.getByText(/Now: answering/).waitFor();
    await waitForStatus(shopper, 'CONFIRMED');

    await admin.goto(`/admin/orders/${orderId}`);
    await admin.getByRole('heading', { name: 'Checkout saga' }).waitFor();
    await expect.poll(() => admin.locator('.timeline').textContent()).toContain('OrderConfirmed');
    await check(admin, 'admin-order');
  });

  it('with a slow payment provider the order page shows the order waiting, then confirmed', async () => {
    const [product] = await inStock('category=pet-supplies&sort=name', 1);
    await admin.goto('/admin/system');
    await admin.getByLabel('Added latency (ms)').fill('1000');
    await admin.getByRole('button', { name: 'Apply' }).click();
    await admin.getByText(/1000 ms added latency/).waitFor();

    await addToCart(shopper, product!);
    const firstRead = shopper.waitForResponse((response) => /\/api\/orders\/ord_/.test(response.url()));
    await checkOut(shopper, 'Visa test card (approves)');
    const first = (await (await firstRead).json()) as { status: string };
    expect(['PENDING', 'RESERVED', 'AUTHORIZED']).toContain(first.status);
    await waitForStatus(shopper, 'CONFIRMED');

    await admin.getByRole('button', { name: 'Reset to healthy' }).click();
    await admin.getByText(/Now: answering, 0 ms/).waitFor();
    await admin.goto('/admin/orders');
    await admin.locator('table').waitFor();
    await check(admin, 'admin-orders');
  });

  it('a first visit to a category page gets its scripts compressed and reads the catalog once, while the app loads', async () => {
    const { context, page } = await newVisitor(browser, base, problems);
    const reads: string[] = [];
    const scripts: { url: string; encoding: string | undefined }[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/') && response.request().method() === 'GET') reads.push(`${url.pathname}${url.search}`);
      if (url.pathname.endsWith('.js')) scripts.push({ url: url.pathname, encoding: response.headers()['content-encoding'] });
    });
    try {
      await page.goto('/categories/books?sort=name');
      await page.locator('.product-card').first().waitFor();
      await page.waitForLoadState('networkidle');

      // The entry script (React, the router and the catalog pages); files under 1 KiB are not worth compressing.
      const entry = scripts.find((script) => /^\/assets\/index-[\w-]+\.js$/.test(script.url));
      expect(entry?.encoding).toBe('br');
      // Started before React rendered, and taken by the page rather than asked for again.
      expect(reads.filter((read) => read === '/api/products?category=books&sort=name')).toHaveLength(1);
      expect(reads.filter((read) => read === '/api/categories')).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('answers unknown addresses with a friendly page', async () => {
    await shopper.goto('/no/such/page');
    await shopper.getByRole('heading', { name: 'We couldn’t find that page' }).waitFor();
    await check(shopper, 'not-found');
  });

  it('fits a phone’s width: no page scrolls sideways, and the cart is one tap away', async () => {
    const [product] = await inStock('category=toys-games&sort=name', 1);
    await shopper.setViewportSize({ width: 390, height: 844 });
    try {
      for (const [url, name] of [['/', 'phone-home'], ['/categories/toys-games', 'phone-category'], [`/products/${product!.id}`, 'phone-product'], ['/cart', 'phone-cart']] as const) {
        await shopper.goto(url);
        await shopper.locator('main').waitFor();
        await shopper.waitForLoadState('networkidle');
        const overflow = await shopper.evaluate(() => {
          const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
          return root.scrollWidth - root.clientWidth;
        });
        expect(overflow, `${url} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
        await check(shopper, name);
      }
      expect(await shopper.getByRole('link', { name: /cart/i }).first().isVisible()).toBe(true);
    } finally {
      await shopper.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('raised no script errors or content-security-policy refusals on the way', () => {
    expect(problems).toEqual([]);
  });
});
