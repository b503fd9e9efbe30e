import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, watchedPage, type Site, type WatchedPage } from '../support/browser.ts';

/**
 * Questions about serving models for agents and about reasoning models, and the pages that answer
 * them: the first search result must be one of these. Same ranking as the site's search UI.
 */
const queries: [string, string[]][] = [
  ['serve qwen3.6 for an agent', ['/guides/serving-for-agents/']],
  ['mtp speculative decoding', ['/guides/serving-for-agents/', '/guides/speed/']],
  ['strix halo vulkan or rocm', ['/guides/hardware-tiers/']],
  ['reasoning tokens cost', ['/guides/reasoning-models/']],
];

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

async function firstResult(query: string): Promise<string | null> {
  // A string, not a function: vitest would rewrite a function's import() for Node.
  const script = `(async () => {
    const base = document.documentElement.dataset.base || '/';
    const pagefind = await import(base + 'pagefind/pagefind.js');
    await pagefind.options({ ranking: { pageLength: 0.3 } });
    await pagefind.init();
    const search = await pagefind.search(${JSON.stringify(query)});
    const first = search.results[0];
    return first ? (await first.data()).url : null;
  })()`;
  return (await watched.page.evaluate(script)) as string | null;
}

describe('search (Pagefind) for serving and reasoning questions', () => {
  for (const [query, expected] of queries) {
    it(`puts a page that answers "${query}" first`, async () => {
      const url = await firstResult(query);
      const path = url === null ? null : new URL(url, site.baseUrl).pathname;
      expect(expected, `first result for "${query}" was ${path}`).toContain(path);
    });
  }
});
