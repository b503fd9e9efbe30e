import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSite, watchedPage, type Site } from '../support/browser.ts';
import { npmRun } from '../support/npm-run.ts';

// A second build of the whole site with BASE_PATH=/kb/, served only under /kb/, so any link or
// asset that ignores the base path 404s here.
let outDir: string;
let site: Site;
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'rigbook-kb-'));
  const build = npmRun('build', ['--outDir', outDir], { BASE_PATH: '/kb/' });
  if (build.status !== 0) throw new Error(`sub-path build failed:\n${build.output}`);
  site = await openSite({ dir: outDir, base: '/kb/' });
}, 600_000);
afterAll(async () => {
  await site?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the site under a sub-path (BASE_PATH=/kb/)', () => {
  it('follows links from a guide, loads its assets and search, all under /kb/', async () => {
    const watched = await watchedPage(site);
    const { page } = watched;
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(new URL('guides/where-vram-goes/', site.baseUrl).href, { waitUntil: 'load' });
    const hrefs = await page.locator('main a[href^="/"], header a[href^="/"], nav a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.filter((h) => !h.startsWith('/kb/'))).toEqual([]);
    for (const href of [...new Set(hrefs.map((h) => h.split('#')[0]!))].slice(0, 25)) {
      const response = await page.goto(new URL(href, site.baseUrl).href, { waitUntil: 'load' });
      if (response?.status() !== 200) failed.push(`${response?.status()} ${href}`);
    }
    await page.goto(new URL('calculators/will-it-fit/', site.baseUrl).href, { waitUntil: 'load' });
    await page.keyboard.press('/');
    const input = page.locator('pagefind-modal input').first();
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('kv cache');
    const result = page.locator('pagefind-modal a[href*="/kb/"]').first();
    await result.waitFor({ timeout: 10_000 });
    expect(failed).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    await watched.context.close();
  }, 120_000);
});
