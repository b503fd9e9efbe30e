import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { hardware, models } from '../../src/lib/catalog/index.ts';
import { distDir, page } from '../support/dist.ts';

describe('reference pages in dist/', () => {
  it('has a page for every catalogued model', () => {
    expect(models.filter((m) => !existsSync(join(distDir, 'models', m.id, 'index.html'))).map((m) => m.id)).toEqual([]);
  });

  it('has a page for every catalogued piece of hardware', () => {
    expect(hardware.filter((h) => !existsSync(join(distDir, 'hardware', h.id, 'index.html'))).map((h) => h.id)).toEqual([]);
  });

  it('gives every glossary term an anchor on /glossary/', () => {
    const terms = parseYaml(readFileSync('src/content/glossary/terms.yaml', 'utf8')) as { id: string }[];
    const glossary = page('glossary/index.html');
    expect(terms.filter((t) => glossary.querySelector(`[id="${t.id}"]`) === null).map((t) => t.id)).toEqual([]);
  });

  it('shows no NaN, Infinity or undefined on any reference page', () => {
    const bad: string[] = [];
    for (const id of [...models.map((m) => `models/${m.id}`), ...hardware.map((h) => `hardware/${h.id}`)]) {
      const text = page(`${id}/index.html`).querySelector('main')?.textContent ?? '';
      if (/\bNaN\b|Infinity|\bundefined\b/.test(text)) bad.push(id);
    }
    expect(bad).toEqual([]);
  });

  it('lists on /sources/ every source a guide cites', () => {
    const sourcesPage = page('sources/index.html');
    const listed = new Set(sourcesPage.querySelectorAll('a[href^="https://"]').map((a) => a.getAttribute('href')));
    const cited = new Set<string>();
    for (const guide of page('guides/index.html').querySelectorAll('main a[href*="/guides/"]')) {
      const href = guide.getAttribute('href') ?? '';
      const file = join(href.replace(/^\//, ''), 'index.html');
      if (!existsSync(join(distDir, file))) continue;
      for (const a of page(file).querySelectorAll('.sources a[href^="https://"], #sources ~ * a[href^="https://"], ol.sources a[href^="https://"]')) cited.add(a.getAttribute('href') ?? '');
    }
    expect(cited.size).toBeGreaterThan(50);
    expect([...cited].filter((url) => !listed.has(url))).toEqual([]);
  });
});
