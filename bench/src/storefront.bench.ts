import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@bazaar/platform/net';
import { chromium, type Browser } from 'playwright-core';
import { startNode } from './processes.ts';
import { machineLine, publishSection } from './results-doc.ts';

/**
 * `npm run bench:storefront`: how soon the storefront's pages are usable in headless Chromium on localhost, each
 * load in a fresh browser profile (nothing cached), beside the gateway's own server-rendered API docs page (no
 * script) loaded the same way as the baseline. Written to docs/benchmarks.md.
 */
const LOADS = Number(process.env['BENCH_LOADS'] ?? 15);
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

interface Page {
  readonly name: string;
  readonly path: string;
  /** What must be on screen for a shopper to use the page (a CSS selector). */
  readonly ready: string;
}

interface Measured {
  readonly name: string;
  readonly p50: number;
  readonly p95: number;
  /** The page's own clock: from the start of navigation (its time origin) to the frame that shows `ready`. */
  readonly inPageP50: number;
  readonly inPageP95: number;
  /** The same page loaded again in the same profile: a returning visitor with the assets cached. */
  readonly againP50: number;
  readonly againP95: number;
  readonly bytes: number;
}

// The little of a page's globals the in-page clock uses (this file is compiled without the DOM library).
interface PageGlobals {
  __benchReady?: number;
  readonly document: { querySelector(selector: string): unknown };
  readonly MutationObserver: new (callback: () => void) => { observe(target: unknown, options: { childList: boolean; subtree: boolean }): void; disconnect(): void };
  requestAnimationFrame(callback: () => void): number;
  readonly performance: { now(): number };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Loads `page` LOADS times, each in a new profile; the time runs from navigation to `ready` being visible. */
async function measure(browser: Browser, base: string, page: Page): Promise<Measured> {
  const times: number[] = [];
  const inPage: number[] = [];
  const again: number[] = [];
  let bytes = 0;
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    // Notes, by the page's own clock, the first animation frame after `ready` is in the document.
    await context.addInitScript((selector) => {
      const page = globalThis as unknown as PageGlobals;
      const observer = new page.MutationObserver(() => {
        if (!page.document.querySelector(selector)) return;
        observer.disconnect();
        page.requestAnimationFrame(() => (page.__benchReady = page.performance.now()));
      });
      observer.observe(page.document, { childList: true, subtree: true });
    }, page.ready);
    const tab = await context.newPage();
    let transferred = 0;
    // The body as it crossed the wire (compressed when the server compressed it).
    tab.on('requestfinished', (request) => {
      void request.sizes().then(
        (sizes) => (transferred += sizes.responseBodySize),
        () => undefined,
      );
    });
    const began = performance.now();
    await tab.goto(page.path, { waitUntil: 'commit' });
    await tab.locator(page.ready).first().waitFor({ state: 'visible', timeout: 30_000 });
    times.push(performance.now() - began);
    inPage.push(
      await tab.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const page = globalThis as unknown as PageGlobals;
            const poll = () => (page.__benchReady === undefined ? page.requestAnimationFrame(poll) : resolve(page.__benchReady));
            poll();
          }),
      ),
    );
    await tab.waitForLoadState('networkidle');
    bytes = transferred;
    const second = await context.newPage();
    const secondBegan = performance.now();
    await second.goto(page.path, { waitUntil: 'commit' });
    await second.locator(page.ready).first().waitFor({ state: 'visible', timeout: 30_000 });
    again.push(performance.now() - secondBegan);
    await context.close();
  }
  times.sort((a, b) => a - b);
  inPage.sort((a, b) => a - b);
  again.sort((a, b) => a - b);
  return { name: page.name, p50: percentile(times, 50), p95: percentile(times, 95), inPageP50: percentile(inPage, 50), inPageP95: percentile(inPage, 95), againP50: percentile(again, 50), againP95: percentile(again, 95), bytes };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bazaar-bench-storefront-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const system = await startNode('', { BAZAAR_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '', AMQP_URL: '' }, 'Bazaar is ready at', [
    'npm',
    'start',
    '--silent',
  ]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const products = (await (await fetch(`${base}/api/products?limit=1`)).json()) as { items: { id: string }[] };
    const categories = (await (await fetch(`${base}/api/categories`)).json()) as { slug: string }[] | { items: { slug: string }[] };
    const slug = (Array.isArray(categories) ? categories : categories.items)[0]!.slug;
    const pages: Page[] = [
      { name: 'API docs page (baseline: server-rendered, no script)', path: '/api/docs', ready: 'h1' },
      { name: 'home (categories and newest products)', path: '/', ready: '.product-card' },
      { name: 'category page', path: `/categories/${slug}`, ready: '.product-card' },
      { name: 'search results', path: '/search?q=lamp', ready: '.product-card' },
      { name: 'product page', path: `/products/${products.items[0]!.id}`, ready: '.add-to-cart button[type=submit]' },
    ];
    const results: Measured[] = [];
    for (const page of pages) {
      // One unmeasured load first, so the server's caches are as warm as a shopper would find them.
      await measure(browser, base, page).catch(() => undefined);
      const result = await measure(browser, base, page);
      results.push(result);
      console.log(`${result.name}: first visit p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms (in page p50 ${result.inPageP50.toFixed(0)}, p95 ${result.inPageP95.toFixed(0)}); returning p50 ${result.againP50.toFixed(0)} ms, p95 ${result.againP95.toFixed(0)} ms; ${(result.bytes / 1024).toFixed(0)} KiB`);
    }
    const baseline = results[0]!;
    await publishSection('storefront', [
      `## Storefront (\`npm run bench:storefront\`) — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Machine: ${machineLine()}, headless Chromium.`,
      `Each page loaded ${LOADS} times through the gateway of the embedded placement: a first visit in a fresh browser profile (nothing cached), then the same page again in a new tab of that profile (a returning visitor, assets cached). The time runs from the bench asking the browser to navigate (a new tab and its renderer included) until what a shopper needs is visible (product cards; on the product page, the add-to-cart button); "in page" is the same moment on the page's own clock, from the start of its navigation, as browsers time their paint metrics. Bytes are what the first visit fetched (scripts, styles, API answers), compressed as sent.`,
      '',
      '| page | first visit p50 ms | p95 ms | of baseline (p50) | in page p50 ms | p95 ms | returning p50 ms | p95 ms | fetched KiB |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${(r.p50 / baseline.p50).toFixed(1)}× | ${r.inPageP50.toFixed(0)} | ${r.inPageP95.toFixed(0)} | ${r.againP50.toFixed(0)} | ${r.againP95.toFixed(0)} | ${(r.bytes / 1024).toFixed(0)} |`,
      ),
      '',
      `Target: the catalog page usable in under 1 s on localhost (category page, first visit p95 ${results[2]!.p95.toFixed(0)} ms, ${results[2]!.inPageP95.toFixed(0)} ms in page; returning p95 ${results[2]!.againP95.toFixed(0)} ms).`,
    ]);
  } finally {
    await browser.close();
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
