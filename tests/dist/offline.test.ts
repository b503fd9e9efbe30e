import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, dynamicImports, htmlPages, page, pageScriptFiles, urlOf } from '../support/dist.ts';

/** Attributes that make the browser fetch something (navigations through <a href> do not). */
const resourceSelectors: [string, string][] = [
  ['script[src]', 'src'], ['link[rel~="stylesheet"]', 'href'], ['link[rel~="preload"]', 'href'],
  ['link[rel~="modulepreload"]', 'href'], ['link[rel~="icon"]', 'href'], ['link[rel~="manifest"]', 'href'],
  ['link[rel~="preconnect"]', 'href'], ['link[rel~="dns-prefetch"]', 'href'], ['img[src]', 'src'], ['source[src]', 'src'],
  ['iframe[src]', 'src'], ['video[src]', 'src'], ['audio[src]', 'src'], ['object[data]', 'data'], ['embed[src]', 'src'],
];

function filesWithExtension(folder: string, extension: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) out.push(...filesWithExtension(full, extension));
    else if (name.endsWith(extension)) out.push(full);
  }
  return out;
}

const remote = /^(?:https?:)?\/\//i;

describe('the built site is self-contained', () => {
  it('loads no resource from another origin on any page', () => {
    const offenders: string[] = [];
    for (const file of htmlPages()) {
      const root = page(file);
      for (const [selector, attribute] of resourceSelectors) {
        for (const el of root.querySelectorAll(selector)) {
          const value = el.getAttribute(attribute) ?? '';
          if (remote.test(value)) offenders.push(`${urlOf(file)}: <${el.tagName.toLowerCase()} ${attribute}="${value}">`);
        }
      }
      for (const el of root.querySelectorAll('[style]')) {
        if (/url\(\s*['"]?(?:https?:)?\/\//i.test(el.getAttribute('style') ?? '')) offenders.push(`${urlOf(file)}: inline style url()`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('has no stylesheet that imports or loads a font or image from another origin', () => {
    const offenders: string[] = [];
    for (const css of filesWithExtension(distDir, '.css')) {
      const text = readFileSync(css, 'utf8');
      for (const match of text.matchAll(/(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?\/\/[^'")\s]+)/gi)) offenders.push(`${css}: ${match[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('has no script that fetches or imports from another origin', () => {
    const offenders: string[] = [];
    for (const js of filesWithExtension(distDir, '.js')) {
      const text = readFileSync(js, 'utf8');
      for (const match of text.matchAll(/(?:fetch|import|importScripts)\(\s*["'`]((?:https?:)?\/\/[^"'`]+)/gi)) offenders.push(`${js}: ${match[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('serves KaTeX fonts from the site itself when a page uses formulas', () => {
    const pagesWithMath = htmlPages().filter((file) => page(file).querySelector('.katex') !== null);
    expect(pagesWithMath.length).toBeGreaterThan(0);
    const fonts = filesWithExtension(distDir, '.woff2').filter((f) => /KaTeX/i.test(f));
    expect(fonts.length).toBeGreaterThan(0);
  });

  it('ships a service worker that every page registers', () => {
    expect(statSync(join(distDir, 'sw.js')).isFile()).toBe(true);
    const registers = (file: string): boolean =>
      pageScriptFiles(file).some((js) => readFileSync(js, 'utf8').includes('serviceWorker.register('));
    // A page that only redirects (an old address) hands the reader to a page that registers it.
    const redirects = (file: string): boolean => /<meta http-equiv="refresh"/i.test(readFileSync(join(distDir, file), 'utf8'));
    const pages = htmlPages().filter((file) => !redirects(file));
    expect(pages.length).toBeGreaterThan(10);
    expect(htmlPages().filter(redirects).map(urlOf)).toEqual(['/guides/self-hosting/']);
    expect(pages.filter((file) => !registers(file)).map(urlOf)).toEqual([]);
  });

  it('precaches in the service worker every script that pages import on demand (the calculators\' engine)', () => {
    const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
    const list = /const BUILD_FILES = (\[[^\]]*\])/.exec(sw)?.[1];
    expect(list).toBeDefined();
    const precached = new Set((JSON.parse(list!) as string[]).map((f) => join(distDir, f)));
    const lazy = new Set(filesWithExtension(distDir, '.js').flatMap((js) => dynamicImports(readFileSync(js, 'utf8'), js)));
    expect(lazy.size).toBeGreaterThan(0);
    expect([...lazy].filter((f) => !precached.has(f))).toEqual([]);
  });
});
