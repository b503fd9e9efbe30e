/**
 * The visible text of every built page (dist/), without scripts and styles, whitespace folded:
 * what the golden test compares so that a refactor cannot move a number or a word on the site
 * unnoticed. `npm run golden:pages` builds and records it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { distDir, htmlPages } from '../support/dist.ts';

/** Path of each page -> its text. */
export function pageTexts(dir = distDir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of htmlPages(dir)) {
    const root = parse(readFileSync(join(dir, file), 'utf8'), { comment: false });
    for (const el of root.querySelectorAll('script, style, template')) el.remove();
    const body = root.querySelector('body') ?? root;
    const title = root.querySelector('title')?.text ?? '';
    out[file] = `${title}\n${body.textContent.replace(/\s+/g, ' ').trim()}`;
  }
  return out;
}

export const goldenFile = new URL('./pages.json', import.meta.url);

if (import.meta.main && process.argv.includes('--write')) {
  const texts = pageTexts();
  writeFileSync(goldenFile, JSON.stringify(texts, null, 1) + '\n');
  console.log(`${Object.keys(texts).length} pages`);
}
