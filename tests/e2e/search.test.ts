import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, watchedPage, type Site, type WatchedPage } from '../support/browser.ts';

let site: Site;
let watched: WatchedPage;
beforeAll(async () => {
  site = await openSite();
  watched = await watchedPage(site);
  await watched.page.goto(site.baseUrl, { waitUntil: 'load' });
});
afterAll(async () => {
  await watched?.context.close();
  await site?.close();
});

/** Questions readers ask, and the pages that answer them (the first result must be one of these). */
const queries: [string, string[]][] = [
  ['70b on two 3090s', ['/guides/hardware-tiers/', '/guides/where-vram-goes/', '/guides/multi-gpu-apple-offload/']],
  ['kv cache quantization', ['/guides/quantization/']],
  ['can I run llama 70b on a 4090', ['/models/llama-3.1-70b/', '/models/llama-3.3-70b/', '/guides/hardware-tiers/', '/hardware/rtx-4090/']],
  ['how much vram for 32k context', ['/guides/where-vram-goes/', '/calculators/context-planner/']],
  ['q4_k_m vs q5_k_m', ['/guides/quantization/', '/calculators/quantization-explorer/']],
  ['is 405b worth it', ['/guides/hardware-tiers/', '/models/llama-3.1-405b/', '/guides/open-closed-gap/']],
  ['mmlu contamination', ['/guides/reading-benchmarks/']],
  ['tool calling open models', ['/guides/tool-use-reliability/', '/guides/agent-benchmarks/']],
  ['self-host offline', ['/about/self-hosting/']],
  ['tensor parallel nvlink', ['/guides/multi-gpu-apple-offload/']],
  ['local vs api cost', ['/guides/local-vs-api/', '/calculators/local-or-api/']],
  ['time to first token', ['/guides/speed/', '/calculators/how-fast/']],
  ['rtx 3090', ['/hardware/rtx-3090/']],
  // Serving models for agents, 2026 hardware and reasoning models.
  ['serve qwen3.6 for an agent', ['/guides/serving-for-agents/']],
  ['mtp speculative decoding', ['/guides/serving-for-agents/', '/guides/speed/']],
  ['strix halo vulkan or rocm', ['/guides/hardware-tiers/']],
  ['reasoning tokens cost', ['/guides/reasoning-models/']],
];

async function firstResult(query: string): Promise<string | null> {
  // A string, not a function: vitest would rewrite a function's import() for Node.
  const script = `(async () => {
    const base = document.documentElement.dataset.base || '/';
    const pagefind = await import(base + 'pagefind/pagefind.js');
    // The ranking the site's search UI uses (src/components/layout/site.ts).
    await pagefind.options({ ranking: { pageLength: 0.3 } });
    await pagefind.init();
    const search = await pagefind.search(${JSON.stringify(query)});
    const first = search.results[0];
    return first ? (await first.data()).url : null;
  })()`;
  return (await watched.page.evaluate(script)) as string | null;
}

describe('search (Pagefind) over the built site', () => {
  for (const [query, expected] of queries) {
    it(`puts a page that answers "${query}" first`, async () => {
      const url = await firstResult(query);
      const path = url === null ? null : new URL(url, site.baseUrl).pathname;
      expect(expected, `first result for "${query}" was ${path}`).toContain(path);
    });
  }

  it('opens the search dialog with "/" and with Ctrl-K, and shows highlighted excerpts', async () => {
    const page = watched.page;
    await page.goto(site.baseUrl, { waitUntil: 'load' });
    await page.keyboard.press('/');
    const input = page.locator('pagefind-modal input, dialog[open] input[type="search"], [role="dialog"] input').first();
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('quantization');
    await page.locator('mark').first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    // A reader presses the next shortcut once the dialog has closed, not within the same frame.
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.keyboard.press('Control+k');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('serves /search/?q=... as a page of its own with results', async () => {
    const page = watched.page;
    await page.goto(new URL('search/?q=tensor%20parallel', site.baseUrl).href, { waitUntil: 'load' });
    await page.locator('main a[href*="/guides/"]').first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('main a[href*="/guides/"]').count()).toBeGreaterThan(0);
  });

  it('does not load the search code until the reader asks for it', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(new URL('guides/speed/', site.baseUrl).href, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    expect(requested.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await context.close();
  });
});
