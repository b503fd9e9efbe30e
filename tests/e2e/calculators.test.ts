import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { hydrated, useSite, watchedPage, wcagTags } from '../support/browser.ts';
import { hasIsland, htmlPages, urlOf } from '../support/dist.ts';

const current = useSite();

const at = (path: string): string => current.at(path);

/** The calculators' engine: the chunk of src/components/islands/shared/compute.ts. */
const ENGINE = /\/_astro\/compute\.[\w-]+\.js$/;

/** Axe's WCAG 2.2 A and AA findings inside the will-it-fit calculator, in the light and the dark theme. */
async function calculatorViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).include('[data-testid="calc-will-it-fit"]').withTags(wcagTags).analyze();
    found.push(...result.violations.map((v) => `${colorScheme}: ${v.id}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

async function noBadNumbers(page: Page): Promise<void> {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\bNaN\b|Infinity|undefined/);
}

describe('calculators in the browser', () => {
  it('renders real numbers before hydration and reacts to input after it', async () => {
    const context = await current.site.browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(at('/calculators/will-it-fit/'), { waitUntil: 'load' });
    const serverVerdict = await noJs.locator('[data-testid="calc-will-it-fit"] [data-testid="verdict"]').innerText();
    expect(serverVerdict).toMatch(/fit/i);
    await expect(noJs.locator('[data-testid="total"]').innerText()).resolves.toMatch(/\d/);
    await context.close();

    const { page, context: ctx, consoleErrors } = await watchedPage(current.site);
    await page.goto(at('/calculators/will-it-fit/?model=llama-3.1-8b&quant=Q4_K_M&context=8192&hardware=rtx-4060'), { waitUntil: 'load' });
    await hydrated(page);
    const before = await page.locator('[data-testid="total"]').innerText();
    await page.getByLabel('Context per sequence (tokens)').fill('131072');
    await expect.poll(() => page.locator('[data-testid="total"]').innerText()).not.toBe(before);
    await expect.poll(() => page.locator('[data-testid="verdict"]').innerText()).toMatch(/does not fit|system RAM/i);
    await noBadNumbers(page);
    expect(consoleErrors).toEqual([]);
    await ctx.close();
  });

  it('fetches no calculator script for a reader who only reads, and hydrates and fetches the engine when they reach for one', async () => {
    const { page, context, consoleErrors } = await watchedPage(current.site);
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname); });
    // Every page with a calculator shows its build-time results without fetching its islands' scripts or the engine.
    const withCalculators = htmlPages().filter(hasIsland).map(urlOf);
    expect(withCalculators.length).toBeGreaterThan(6);
    for (const url of withCalculators) {
      scripts.length = 0;
      await page.goto(at(url), { waitUntil: 'load' });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(100);
      const islandScripts = await page.evaluate(() => [...document.querySelectorAll('astro-island')].flatMap((i) => [i.getAttribute('component-url'), i.getAttribute('renderer-url')]));
      expect({ url, scripts: scripts.filter((s) => ENGINE.test(s) || islandScripts.includes(s)) }).toEqual({ url, scripts: [] });
      await expect(page.locator('[data-testid="results"]').first().innerText()).resolves.toMatch(/\d/);
    }
    await page.goto(at('/calculators/will-it-fit/'), { waitUntil: 'load' });
    scripts.length = 0;
    const before = await page.locator('[data-testid="total"]').innerText();
    expect(before).toMatch(/\d/);
    const field = page.getByLabel('Context per sequence (tokens)');
    await field.focus();
    await expect.poll(() => scripts.filter((s) => ENGINE.test(s)).length).toBe(1);
    await field.fill('131072');
    await expect.poll(() => page.locator('[data-testid="total"]').innerText()).not.toBe(before);
    await expect(page.locator('[data-testid="pending"]').count()).resolves.toBe(0);
    expect(scripts.filter((s) => ENGINE.test(s)).length).toBe(1);
    await noBadNumbers(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('keeps the last result marked busy while the engine is on its way, and says so plainly when it cannot arrive', async () => {
    const { page, context } = await watchedPage(current.site);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let offline = true;
    await page.route(ENGINE, async (route) => {
      if (offline) { await route.abort(); return; }
      await held;
      await route.continue();
    });
    await page.goto(at('/calculators/will-it-fit/'), { waitUntil: 'load' });
    await hydrated(page);
    const results = page.locator('[data-testid="calc-will-it-fit"] [data-testid="results"]');
    const before = await page.locator('[data-testid="total"]').innerText();
    // A change while the engine cannot be fetched (offline): the previous result stays, with a note that says why.
    await page.getByLabel('Context per sequence (tokens)').fill('65536');
    await expect.poll(() => page.locator('[data-testid="pending"]').innerText()).toMatch(/could not fetch its engine/i);
    await expect(page.locator('[data-testid="total"]').innerText()).resolves.toBe(before);
    await expect(results.getAttribute('aria-busy')).resolves.toBeNull();
    expect(await calculatorViolations(page)).toEqual([]);
    // Next change: the engine is asked for again; while it is held back the result is marked busy.
    offline = false;
    await page.getByLabel('Context per sequence (tokens)').fill('131072');
    await expect.poll(() => page.locator('[data-testid="pending"]').innerText()).toMatch(/fetching its engine/i);
    await expect(results.getAttribute('aria-busy')).resolves.toBe('true');
    await expect(page.locator('[data-testid="total"]').innerText()).resolves.toBe(before);
    expect(await calculatorViolations(page)).toEqual([]);
    release();
    await expect.poll(() => page.locator('[data-testid="total"]').innerText()).not.toBe(before);
    await expect(page.locator('[data-testid="pending"]').count()).resolves.toBe(0);
    await expect(results.getAttribute('aria-busy')).resolves.toBeNull();
    await noBadNumbers(page);
    await context.close();
  });

  it('restores its state from a shared link, and keeps it in the URL as the reader changes it', async () => {
    const { page, context } = await watchedPage(current.site);
    await page.goto(at('/calculators/will-it-fit/?model=llama-3.1-70b&quant=Q4_K_M&context=32768&hardware=2xrtx-3090'), { waitUntil: 'load' });
    await hydrated(page);
    await expect(page.getByLabel('Model').inputValue()).resolves.toBe('llama-3.1-70b');
    await expect(page.getByLabel('Context per sequence (tokens)').inputValue()).resolves.toMatch(/32768|32k/i);
    // The link's state arrives as the island hydrates: wait for it rather than read the first frame.
    await expect.poll(() => page.locator('[data-testid="verdict"]').innerText()).toMatch(/does not fit/i);
    await page.getByLabel('Context per sequence (tokens)').fill('8192');
    await expect.poll(() => new URL(page.url()).searchParams.get('context')).toMatch(/8192|8k/i);
    // Reload the URL the page now shows: the same state comes back.
    await page.goto(page.url(), { waitUntil: 'load' });
    await hydrated(page);
    await expect.poll(() => page.locator('[data-testid="verdict"]').innerText()).toMatch(/^\W*fits/i);
    await context.close();
  });

  it('carries the engine and the backend in the link, and says next to the field when the device does not run that backend', async () => {
    const { page, context, consoleErrors } = await watchedPage(current.site);
    await page.goto(at('/calculators/how-fast/?model=llama-3.1-8b&hardware=rtx-4090&engine=ollama&backend=vulkan'), { waitUntil: 'load' });
    await hydrated(page);
    await expect(page.getByLabel('Engine').inputValue()).resolves.toBe('ollama');
    await expect(page.getByLabel('Backend').inputValue()).resolves.toBe('vulkan');
    await page.getByLabel('Model').selectOption('qwen2.5-7b');
    await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe('qwen2.5-7b');
    expect([new URL(page.url()).searchParams.get('engine'), new URL(page.url()).searchParams.get('backend')]).toEqual(['ollama', 'vulkan']);
    await page.goto(at('/calculators/how-fast/?hardware=m4-max-40c&backend=cuda'), { waitUntil: 'load' });
    await hydrated(page);
    const field = page.getByLabel('Backend');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
    const description = (await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()))).join(' ');
    expect(description).toMatch(/runs metal.*not cuda/);
    await noBadNumbers(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('says what is wrong next to a bad field and keeps the last valid result', async () => {
    const { page, context, consoleErrors } = await watchedPage(current.site);
    await page.goto(at('/calculators/will-it-fit/'), { waitUntil: 'load' });
    await hydrated(page);
    const field = page.getByLabel('Context per sequence (tokens)');
    for (const [typed, message] of [['', /enter a value/i], ['abc', /number/i], ['-5', /negative/i], ['0', /more than 0/i], ['999999999999', /too large/i]] as const) {
      await field.fill(typed);
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await field.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
      const description = (await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()))).join(' ');
      expect(description).toMatch(message);
      await expect(page.locator('[data-testid="verdict"]').count()).resolves.toBeGreaterThan(0);
      await noBadNumbers(page);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('ignores a hostile value in the link with a visible note and never injects it', async () => {
    const { page, context, consoleErrors } = await watchedPage(current.site);
    await page.goto(at('/calculators/will-it-fit/?model=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&context=NaN&hardware=Infinity'), { waitUntil: 'load' });
    await hydrated(page);
    await expect(page.locator('[data-testid="notes"]').innerText()).resolves.toMatch(/ignored/i);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    await noBadNumbers(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('shares the selection between two islands on one page', async () => {
    const { page, context } = await watchedPage(current.site);
    await page.goto(at('/guides/where-vram-goes/'), { waitUntil: 'load' });
    await hydrated(page);
    const islands = page.locator('[data-testid^="calc-"]');
    expect(await islands.count()).toBeGreaterThanOrEqual(2);
    // Both islands show the guide's example until the reader asks for their own rig.
    for (let i = 0; i < 2 && (await page.locator('[data-testid="use-my-rig"]').count()) > 0; i++) {
      const button = page.locator('[data-testid="use-my-rig"]').first();
      await button.scrollIntoViewIfNeeded();
      await button.click();
    }
    const first = islands.nth(0);
    const second = islands.nth(1);
    await first.getByLabel('Model').selectOption('qwen2.5-7b');
    await expect.poll(() => second.getByLabel('Model').inputValue()).toBe('qwen2.5-7b');
    await context.close();
  });

  it('can be used with the keyboard alone', async () => {
    const { page, context } = await watchedPage(current.site);
    await page.goto(at('/calculators/will-it-fit/?model=llama-3.1-8b&hardware=rtx-4060&context=8192'), { waitUntil: 'load' });
    await hydrated(page);
    const before = await page.locator('[data-testid="total"]').innerText();
    // Tab from the top of the page until the context field has focus.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => ((document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '').includes('Context per sequence'));
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('65536');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('[data-testid="total"]').innerText()).not.toBe(before);
    await context.close();
  });

  it('copies a link that restores the view', async () => {
    const context = await current.site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(at('/calculators/how-fast/?model=llama-3.1-8b&hardware=rtx-3090'), { waitUntil: 'load' });
    await hydrated(page);
    await page.locator('[data-testid="copy-link"]').click();
    await expect.poll(() => page.locator('.rb-copy-status').innerText()).toMatch(/copied/i);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).searchParams.get('model')).toBe('llama-3.1-8b');
    await context.close();
  });

  it('renders every calculator page with numbers and no error', async () => {
    const { page, context, consoleErrors } = await watchedPage(current.site);
    for (const slug of ['will-it-fit', 'how-fast', 'rig-builder', 'quantization-explorer', 'context-planner', 'local-or-api', 'hardware-tiers']) {
      await page.goto(at(`/calculators/${slug}/`), { waitUntil: 'load' });
      await hydrated(page);
      await expect(page.locator(`[data-testid="calc-${slug}"]`).count()).resolves.toBe(1);
      await expect(page.locator(`[data-testid="calc-${slug}"] [data-testid="results"]`).innerText()).resolves.toMatch(/\d/);
      await noBadNumbers(page);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
