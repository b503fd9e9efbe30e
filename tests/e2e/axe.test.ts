import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { htmlPages, templateOf, urlOf } from '../support/dist.ts';
import { hydrated, useSite, watchedPage, wcagTags } from '../support/browser.ts';

const current = useSite();

/** One page of each template (the first in path order), plus every calculator page. */
function samplePages(): string[] {
  const seen = new Map<string, string>();
  for (const file of htmlPages()) {
    const template = templateOf(file);
    if (!seen.has(template)) seen.set(template, file);
  }
  const calculators = htmlPages().filter((f) => f.startsWith('calculators/') && f !== 'calculators/index.html');
  return [...new Set([...seen.values(), ...calculators])];
}

function describeViolations(url: string, violations: { id: string; nodes: { target: unknown }[] }[]): string[] {
  return violations.map((v) => `${url}: ${v.id} at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('accessibility (axe, WCAG 2.2 A and AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violation on any page template in the ${scheme} theme`, async () => {
      const watched = await watchedPage(current.site, { colorScheme: scheme });
      const problems: string[] = [];
      for (const file of samplePages()) {
        const url = new URL(urlOf(file).slice(1), current.site.baseUrl).href;
        await watched.page.goto(url, { waitUntil: 'load' });
        // Let islands hydrate so the checked DOM is the one readers use.
        await hydrated(watched.page);
        // Structure, names and roles do not change with the theme: the dark pass checks colour only.
        const builder = new AxeBuilder({ page: watched.page }).withTags(wcagTags);
        if (scheme === 'dark') builder.withRules(['color-contrast', 'link-in-text-block']);
        const result = await builder.analyze();
        problems.push(...describeViolations(url, result.violations));
      }
      await watched.context.close();
      expect(problems).toEqual([]);
    }, 240_000);
  }

  it('finds no violation with the search dialog open', async () => {
    const watched = await watchedPage(current.site);
    await watched.page.goto(current.site.baseUrl, { waitUntil: 'load' });
    await watched.page.keyboard.press('/');
    await watched.page.locator('pagefind-modal, dialog[open], [role="dialog"]').first().waitFor({ state: 'attached', timeout: 10_000 });
    await watched.page.keyboard.type('kv cache');
    await watched.page.waitForTimeout(1200);
    const result = await new AxeBuilder({ page: watched.page }).withTags(wcagTags).analyze();
    await watched.context.close();
    expect(describeViolations('search open', result.violations)).toEqual([]);
  }, 60_000);
});
