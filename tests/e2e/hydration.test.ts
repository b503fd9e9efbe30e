import { describe, expect, it } from 'vitest';
import { hydrated, useSite, watchedPage } from '../support/browser.ts';

const current = useSite();


describe('a calculator the reader uses before it has hydrated', () => {
  it('keeps what the reader typed, picked and ticked before its scripts arrived, and shows the result for it', async () => {
    const { page, context, consoleErrors } = await watchedPage(current.site);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    // Once the page has loaded, every script it asks for (the calculator's, when the reader reaches for it) is held back.
    let loaded = false;
    const fetched: string[] = [];
    await page.route(/\.js$/, async (route) => {
      if (loaded) {
        fetched.push(route.request().url());
        await held;
      }
      await route.continue();
    });
    await page.goto(current.at('/calculators/will-it-fit/'), { waitUntil: 'load' });
    loaded = true;
    const calculator = page.locator('[data-testid="calc-will-it-fit"]');
    const before = await calculator.locator('[data-testid="total"]').innerText();
    // The reader changes three controls while the calculator's scripts are held back.
    await calculator.getByLabel('Model').selectOption('qwen2.5-7b');
    await calculator.getByLabel('Context per sequence (tokens)').fill('131072');
    await calculator.getByLabel('GB', { exact: true }).check();
    await expect.poll(() => fetched.length).toBeGreaterThan(0);
    expect(await page.locator('astro-island[ssr]').count()).toBe(1);
    release();
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);

    // The controls still show the reader's choices, the result and the link follow them.
    await expect(calculator.getByLabel('Model').inputValue()).resolves.toBe('qwen2.5-7b');
    await expect(calculator.getByLabel('Context per sequence (tokens)').inputValue()).resolves.toBe('131072');
    await expect(calculator.getByLabel('GB', { exact: true }).isChecked()).resolves.toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe('qwen2.5-7b');

    // Its result is the one a hydrated calculator (another reader, nothing saved) shows for the same choices.
    const other = await watchedPage(current.site);
    const fresh = other.page;
    await fresh.goto(current.at('/calculators/will-it-fit/'), { waitUntil: 'load' });
    await hydrated(fresh);
    const again = fresh.locator('[data-testid="calc-will-it-fit"]');
    await again.getByLabel('Model').selectOption('qwen2.5-7b');
    await again.getByLabel('Context per sequence (tokens)').fill('131072');
    await again.getByLabel('GB', { exact: true }).check();
    await expect.poll(() => again.locator('[data-testid="pending"]').count()).toBe(0);
    await expect.poll(() => again.locator('[data-testid="total"]').innerText()).not.toBe(before);
    const total = await again.locator('[data-testid="total"]').innerText();
    expect(total).toMatch(/\d GB\b/);
    await expect.poll(() => calculator.locator('[data-testid="total"]').innerText()).toBe(total);
    await expect(calculator.locator('[data-testid="pending"]').count()).resolves.toBe(0);
    expect([...consoleErrors, ...other.consoleErrors]).toEqual([]);
    await other.context.close();
    await context.close();
  });
});
