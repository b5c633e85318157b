import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where screenshots of every main page are kept (gitignored). */
export const ARTIFACTS_DIR = path.join(import.meta.dirname, 'artifacts');

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Debian's chromium, headless; install it with `apt-get install -y chromium`. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A fresh browser profile (its own cookies and storage): one per person in a scenario. Script errors and
 * content-security-policy refusals are bugs even when the page still looks right: they land in `problems`.
 */
export async function newVisitor(browser: Browser, baseURL: string, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Uncaught/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return { context, page };
}

let axeSource: Promise<string> | undefined;

function loadAxe(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Saves a full-page screenshot as `artifacts/<name>.png` and runs axe-core on the page as it is now.
 * Returns the serious and critical violations (a test expects none).
 */
export async function capture(page: Page, name: string): Promise<AxeViolation[]> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  // Evaluated through the DevTools protocol, so the page's own script-src policy does not have to allow it.
  await page.evaluate(await loadAxe());
  const violations = await page.evaluate(async () => {
    // The whole document (axe's default context); typed here because this file is compiled without the DOM library.
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
