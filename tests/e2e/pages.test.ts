import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, htmlPages, urlOf } from '../support/dist.ts';
import { hydrated, useSite, watchedPage } from '../support/browser.ts';

const current = useSite();

describe('every page in the browser', () => {
  it('loads every page with no console error and no request to another origin', async () => {
    const watched = await watchedPage(current.site);
    const failures: string[] = [];
    const pages = htmlPages().filter((file) => file !== '404.html');
    // A page that only redirects (an old address) is followed to where it sends the reader.
    const redirects = (f: string) => /<meta http-equiv="refresh"/i.test(readFileSync(join(distDir, f), 'utf8'));
    for (const file of pages) {
      const url = new URL(urlOf(file).slice(1), current.site.baseUrl).href;
      const response = await watched.page.goto(url, { waitUntil: 'load' });
      if (!response || response.status() !== 200) failures.push(`${url}: status ${response?.status()}`);
      if (redirects(file)) await watched.page.waitForURL((u) => u.href !== url, { waitUntil: 'load' });
    }
    // Islands hydrate when the reader reaches for them: reach for each on the heaviest pages so their scripts run too.
    for (const file of pages.filter((f) => (f.startsWith('calculators/') || f.startsWith('guides/')) && !redirects(f))) {
      await watched.page.goto(new URL(urlOf(file).slice(1), current.site.baseUrl).href, { waitUntil: 'load' });
      await hydrated(watched.page);
    }
    await watched.context.close();
    expect(failures).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  }, 300_000);

  it('answers an unknown URL with the 404 page, which offers search', async () => {
    const watched = await watchedPage(current.site);
    const response = await watched.page.goto(new URL('no-such-page/', current.site.baseUrl).href);
    expect(response?.status()).toBe(404);
    await expect(watched.page.locator('h1').textContent()).resolves.toMatch(/not found|404|no page/i);
    expect(await watched.page.locator('main a[href*="search"], main form[action*="search"], main input[type="search"]').count()).toBeGreaterThan(0);
    await watched.context.close();
  });
});
