import { describe, expect, it } from 'vitest';
import { useSite, watchedPage } from '../support/browser.ts';

const current = useSite();

const at = (path: string): string => current.at(path);

describe('reading and navigating', () => {
  it('marks the table-of-contents entry of the section in view and jumps to a section on click', async () => {
    const { page, context } = await watchedPage(current.site);
    await page.goto(at('/guides/where-vram-goes/'), { waitUntil: 'load' });
    const toc = page.locator('rb-toc a');
    expect(await toc.count()).toBeGreaterThan(2);
    const last = toc.last();
    const hash = await last.getAttribute('href');
    await last.click();
    await page.waitForTimeout(400);
    expect(new URL(page.url()).hash).toBe(hash);
    await expect.poll(async () => page.locator('rb-toc a[aria-current]').getAttribute('href'), { timeout: 5000 }).not.toBe(await toc.first().getAttribute('href'));
    await context.close();
  });

  it('marks the current page in the sidebar and links previous and next guides', async () => {
    const { page, context } = await watchedPage(current.site);
    await page.goto(at('/guides/quantization/'), { waitUntil: 'load' });
    const marked = page.locator('nav[aria-label] a[aria-current="page"]');
    expect(await marked.count()).toBeGreaterThan(0);
    expect(await page.locator('a[rel="prev"]').count()).toBe(1);
    expect(await page.locator('a[rel="next"]').count()).toBe(1);
    expect(await page.locator('nav[aria-label*="readcrumb"] a').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('keeps the chosen theme across pages and reloads, with no flash of the other theme', async () => {
    const { page, context } = await watchedPage(current.site, { colorScheme: 'light' });
    await page.goto(current.site.baseUrl, { waitUntil: 'load' });
    await page.selectOption('#theme-select', 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.goto(at('/guides/speed/'), { waitUntil: 'commit' });
    // The inline head script runs before the body paints: the theme is set at DOMContentLoaded already.
    await page.waitForLoadState('domcontentloaded');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.selectOption('#theme-select', 'light');
    await page.reload({ waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(background);
    await context.close();
  });

  it('lets a keyboard user skip to the content, reach the navigation and open search', async () => {
    const { page, context } = await watchedPage(current.site);
    await page.goto(at('/guides/speed/'), { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/skip to content/i);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => document.activeElement?.id || document.activeElement?.closest('main')?.id)).toBe('main');
    // Tab onwards from the top reaches the header links in order.
    await page.goto(at('/guides/speed/'), { waitUntil: 'load' });
    const labels: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      labels.push(await page.evaluate(() => (document.activeElement?.textContent ?? '').trim()));
    }
    expect(labels.join(' | ')).toMatch(/Guides/);
    expect(labels.join(' | ')).toMatch(/Search/);
    // Focus is visible: the focused element draws an outline or a box shadow.
    const visible = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
    });
    expect(visible).toBe(true);
    await context.close();
  });

  it('offers a working menu on a phone-sized screen', async () => {
    const context = await current.site.browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(at('/guides/speed/'), { waitUntil: 'load' });
    const toggle = page.locator('summary, button').filter({ hasText: /menu/i }).first();
    await toggle.click();
    const link = page.locator('a[href$="/guides/quantization/"]').first();
    await link.waitFor({ state: 'visible' });
    await link.click();
    await page.waitForURL(/\/guides\/quantization\/$/);
    await context.close();
  });

  it('prints an article without the site chrome', async () => {
    const { page, context } = await watchedPage(current.site);
    await page.goto(at('/guides/speed/'), { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['.site-header', '.site-footer', '.toc']
      .map((selector) => document.querySelector(selector))
      .filter((el): el is Element => el !== null)
      .every((el) => getComputedStyle(el).display === 'none'));
    expect(hidden).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).display)).not.toBe('none');
    await context.close();
  });
});
