import { afterAll, beforeAll } from 'vitest';
/**
 * Browser-test harness: serves dist/ with the project's own static server on a free port and
 * drives Debian's Chromium through playwright-core (no browser download). Records console
 * errors and every request that leaves the site's origin.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Server } from 'node:http';
import { serve } from '../../scripts/serve.ts';
import { chromiumPath } from './chromium.ts';

export interface Site {
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

export { chromiumPath };

/** Launch args that keep Chromium from reaching the network on its own (this machine has none). */
export const chromiumArgs = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions',
];

/** Starts the server for `dir` (default dist/) under `base` and a browser. */
export async function openSite(options: { dir?: string; base?: string } = {}): Promise<Site> {
  const { server, url } = await serve({ dir: options.dir ?? process.env['DIST_DIR'] ?? 'dist', port: 0, base: options.base ?? '/', quiet: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return {
    browser,
    baseUrl: url,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
    },
  };
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

/** A new context and page that record console errors and requests to other origins. */
export async function watchedPage(site: Site, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<WatchedPage> {
  const context = await site.browser.newContext({ colorScheme: options.colorScheme ?? 'light', serviceWorkers: 'block' });
  const page = await context.newPage();
  const origin = new URL(site.baseUrl).origin;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:') && !url.startsWith('about:')) {
      foreignRequests.push(`${page.url()} → ${url}`);
    }
  });
  return { context, page, consoleErrors, foreignRequests };
}

/**
 * Registers beforeAll/afterAll hooks that open the site for a test file and close it after;
 * `current.site` is ready inside tests, `current.at(path)` turns a site path into a URL.
 */
export function useSite(options: { dir?: string; base?: string } = {}): { readonly site: Site; at(path: string): string } {
  let site: Site | undefined;
  beforeAll(async () => {
    site = await openSite(options);
  });
  afterAll(async () => {
    await site?.close();
  });
  return {
    get site(): Site {
      if (!site) throw new Error('the site is not open yet: use it inside a test');
      return site;
    },
    at(path: string): string {
      return new URL(path.replace(/^\//, ''), this.site.baseUrl).href;
    },
  };
}

/**
 * Reaches for every island in turn as a reader does (brings it into view at once, not with the
 * site's smooth scrolling, and moves the pointer over it: `client:reach` hydrates then), waits until
 * each has hydrated (Astro removes the `ssr` attribute), then scrolls back to the top.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const island of document.querySelectorAll('astro-island')) {
      // Islands are display: contents (no box of their own): scroll to and point at what they hold.
      const content = island.firstElementChild ?? island;
      content.scrollIntoView({ behavior: 'instant', block: 'center' });
      content.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }
  });
  await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((island) => !island.hasAttribute('ssr')), undefined, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}

/** Axe's rule tags for WCAG 2.2 levels A and AA, which every page and state must meet. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
