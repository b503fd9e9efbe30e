import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { fileForPath, htmlPages, internalPath, page, urlOf } from '../support/dist.ts';

const pages = htmlPages();
const idsByFile = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let ids = idsByFile.get(file);
  if (!ids) {
    const root = parse(readFileSync(file, 'utf8'));
    ids = new Set(root.querySelectorAll('[id], a[name]').map((el) => el.getAttribute('id') ?? el.getAttribute('name') ?? ''));
    idsByFile.set(file, ids);
  }
  return ids;
}

describe('internal links and anchors in dist/', () => {
  it('builds more than a handful of pages', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it('has no broken internal link, asset or anchor on any page', () => {
    const broken: string[] = [];
    for (const file of pages) {
      const fromUrl = urlOf(file);
      const root = page(file);
      const refs: string[] = [];
      for (const el of root.querySelectorAll('a[href], link[href]')) refs.push(el.getAttribute('href')!);
      for (const el of root.querySelectorAll('script[src], img[src], source[src]')) refs.push(el.getAttribute('src')!);
      for (const el of root.querySelectorAll('astro-island')) {
        for (const attr of ['component-url', 'renderer-url']) {
          const value = el.getAttribute(attr);
          if (value) refs.push(value);
        }
      }
      for (const href of refs) {
        const internal = internalPath(href, fromUrl);
        if (!internal) continue;
        const target = fileForPath(internal.path);
        if (!target) {
          broken.push(`${fromUrl} → ${href} (no such file)`);
          continue;
        }
        if (internal.fragment && target.endsWith('.html') && !idsOf(target).has(internal.fragment)) {
          broken.push(`${fromUrl} → ${href} (no element with id "${internal.fragment}")`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
