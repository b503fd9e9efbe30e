import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { hydrated, useSite, chromiumArgs, chromiumPath } from '../support/browser.ts';

const current = useSite();

describe('offline reading through the service worker', () => {
  it('keeps visited pages, their calculators and search working after the network drops', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const at = (path: string): string => new URL(path, current.site.baseUrl).href;
    await page.goto(current.site.baseUrl, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Once the worker controls the page, visited pages and the search index go into its cache.
    await page.reload({ waitUntil: 'load' });
    await page.goto(at('guides/quantization/'), { waitUntil: 'load' });
    await page.keyboard.press('/');
    const input = page.locator('pagefind-modal input').first();
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('quantization');
    await page.locator('mark').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    // A calculator page read online without touching the calculator: the page never fetched the
    // engine, but the worker precached it on install.
    await page.goto(at('calculators/will-it-fit/'), { waitUntil: 'load' });
    await hydrated(page);

    await context.setOffline(true);
    await page.goto(at('calculators/will-it-fit/'), { waitUntil: 'load' });
    await hydrated(page);
    const total = page.locator('[data-testid="total"]');
    const before = await total.innerText();
    await page.getByLabel('Context per sequence (tokens)').fill('131072');
    await expect.poll(() => total.innerText(), { timeout: 10_000 }).not.toBe(before);
    expect(await page.locator('[data-testid="pending"]').count()).toBe(0);

    await page.goto(at('guides/quantization/'), { waitUntil: 'load' });
    expect(await page.locator('h1').textContent()).toMatch(/quantiz/i);
    await page.keyboard.press('/');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('quantization');
    await page.locator('mark').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    await browser.close();
  }, 60_000);
});
