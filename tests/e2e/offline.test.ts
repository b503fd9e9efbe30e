import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { hydrated, useSite, chromiumArgs, chromiumPath } from '../support/browser.ts';

const current = useSite();

describe('offline reading through the service worker', () => {
  it('keeps the first page read, later pages, their calculators and search working after the network drops', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const at = (path: string): string => new URL(path, current.site.baseUrl).href;
    // The first page a reader opens loads before the worker exists (it registers once the page has
    // settled), so the worker's fetch handler never sees it: it must keep it on activation.
    await page.goto(at('calculators/how-fast/'), { waitUntil: 'load' });
    await hydrated(page);
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (!worker || worker.state === 'activated') return;
      await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    });
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
    // The first page, never reloaded online: its HTML, styles and island scripts come from the cache.
    await page.goto(at('calculators/how-fast/'), { waitUntil: 'load' });
    expect(await page.locator('h1').textContent()).toMatch(/how fast/i);
    expect(await page.evaluate(() => [...document.styleSheets].every((sheet) => sheet.cssRules.length > 0))).toBe(true);
    await hydrated(page);
    const ttft = page.locator('[data-testid="ttft"]');
    const ttftBefore = await ttft.innerText();
    await page.getByLabel('Prompt (tokens)').fill('60000');
    await expect.poll(() => ttft.innerText(), { timeout: 10_000 }).not.toBe(ttftBefore);

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
