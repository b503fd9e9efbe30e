/**
 * Helpers for the checks over the built site: list its pages, parse them, follow a page's
 * JavaScript module graph, and measure gzipped sizes. Pure Node; no browser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';

export const distDir = resolve(process.env['DIST_DIR'] ?? 'dist');

/** Every HTML file under dist/, as paths relative to dist/ with forward slashes. */
export function htmlPages(dir = distDir): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(full);
      } else if (name.endsWith('.html')) {
        out.push(relative(dir, full).split('\\').join('/'));
      }
    }
  };
  walk(dir);
  return out.sort();
}

const parsed = new Map<string, HTMLElement>();

/** Parses a page of dist/ once and caches it. */
export function page(file: string): HTMLElement {
  let root = parsed.get(file);
  if (!root) {
    root = parse(readFileSync(join(distDir, file), 'utf8'), { comment: false });
    parsed.set(file, root);
  }
  return root;
}

/** The URL path a page is served at (`guides/speed/index.html` → `/guides/speed/`). */
export function urlOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * Maps a site-absolute path (without query or fragment) to a file in dist/, the way a
 * static server does: directories serve index.html. Returns null when nothing is there.
 */
export function fileForPath(path: string, dir = distDir): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const full = join(dir, decoded);
  if (!full.startsWith(dir)) return null;
  if (existsSync(full) && statSync(full).isFile()) return full;
  const index = join(full, 'index.html');
  if (existsSync(index)) return index;
  return null;
}

/** Resolves an href found on `fromUrl` to a site path, or null for another scheme or origin. */
export function internalPath(href: string, fromUrl: string): { path: string; fragment: string } | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return null;
  const url = new URL(href, `http://rigbook.test${fromUrl}`);
  return { path: url.pathname, fragment: decodeURIComponent(url.hash.slice(1)) };
}

/** Gzipped size of a string or buffer, bytes (level 9, as a static host would precompress). */
export function gzipBytes(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

const fileGzipCache = new Map<string, number>();

/** Gzipped size of a file, bytes, measured once per run. */
export function fileGzipBytes(path: string): number {
  let bytes = fileGzipCache.get(path);
  if (bytes === undefined) {
    bytes = gzipBytes(readFileSync(path));
    fileGzipCache.set(path, bytes);
  }
  return bytes;
}

const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;
const dynamicImport = /\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g;

/** The JavaScript files that `code` (the file at `from`) imports dynamically, as absolute paths. */
export function dynamicImports(code: string, from: string): string[] {
  return [...code.matchAll(dynamicImport)]
    .map((m) => m[1]!)
    .filter((spec) => spec.startsWith('.') || spec.startsWith('/'))
    .map((spec) => (spec.startsWith('/') ? fileForPath(spec) : resolve(dirname(from), spec)))
    .filter((target): target is string => target !== null && existsSync(target));
}

/**
 * The JavaScript files a page loads before any user action: module scripts, modulepreloads,
 * island components and renderers (except `client:reach` ones), and everything they import
 * statically. Dynamic `import()` is lazy and is not followed unless `withLazy` is set: then the
 * files also include what the page fetches once the reader uses a calculator (its islands' scripts
 * and the engine).
 * Returns absolute file paths.
 */
export function pageScriptFiles(file: string, withLazy = false): string[] {
  const root = page(file);
  const fromUrl = urlOf(file);
  const entry = new Set<string>();
  const toFile = (href: string | undefined): string | null => {
    const internal = href ? internalPath(href, fromUrl) : null;
    return internal ? fileForPath(internal.path) : null;
  };
  const add = (href: string | undefined): void => {
    const path = toFile(href);
    if (path) entry.add(path);
  };
  // A framework renderer imports optional features (Preact's signals) only for props this site
  // never passes: its dynamic imports are not followed.
  const renderers = new Set(root.querySelectorAll('astro-island').map((i) => toFile(i.getAttribute('renderer-url'))));
  for (const s of root.querySelectorAll('script[src]')) add(s.getAttribute('src'));
  for (const l of root.querySelectorAll('link[rel="modulepreload"]')) add(l.getAttribute('href'));
  for (const island of root.querySelectorAll('astro-island')) {
    // A `client:reach` island fetches its scripts only when the reader reaches for it.
    if (island.getAttribute('client') === 'reach' && !withLazy) continue;
    add(island.getAttribute('component-url'));
    add(island.getAttribute('renderer-url'));
  }
  const seen = new Set<string>();
  const queue = [...entry];
  while (queue.length > 0) {
    const current = queue.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const code = readFileSync(current, 'utf8');
    for (const match of code.matchAll(staticImport)) {
      const spec = match[1]!;
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      const target = spec.startsWith('/') ? fileForPath(spec) : resolve(dirname(current), spec);
      if (target && existsSync(target) && !seen.has(target)) queue.push(target);
    }
    if (withLazy && !renderers.has(current)) queue.push(...dynamicImports(code, current).filter((t) => !seen.has(t)));
  }
  return [...seen];
}

/** Inline scripts that execute (not JSON data blocks). */
export function inlineScripts(file: string): string[] {
  return page(file)
    .querySelectorAll('script:not([src])')
    .filter((s) => {
      const type = s.getAttribute('type');
      return type === undefined || type === '' || type === 'module' || type === 'text/javascript';
    })
    .map((s) => s.textContent);
}

/**
 * Gzipped JavaScript a page ships before search is opened, bytes; with `withLazy`, also what it
 * fetches once the reader uses a calculator (see pageScriptFiles).
 */
export function pageJsGzipBytes(file: string, withLazy = false): number {
  const external = pageScriptFiles(file, withLazy).reduce((sum, f) => sum + fileGzipBytes(f), 0);
  const inline = inlineScripts(file).reduce((sum, s) => sum + gzipBytes(s), 0);
  return external + inline;
}

/** Whether a built chunk is one of the named ones (`name.HASH.js`). */
export const isChunkNamed = (file: string, names: readonly string[]): boolean =>
  names.some((name) => new RegExp(`^${name}\\.[\\w-]+\\.js$`).test(basename(file)));

/**
 * Gzipped JavaScript once a calculator is used (the page's scripts and everything its islands
 * import), bytes, without the chunks named in `onDemandNames`: those are fetched only on a further
 * request of the reader and are weighed on their own.
 */
export function onceUsedJsGzipBytes(file: string, onDemandNames: readonly string[]): number {
  return pageJsGzipBytes(file, true) - pageScriptFiles(file, true).filter((f) => isChunkNamed(f, onDemandNames)).reduce((sum, f) => sum + fileGzipBytes(f), 0);
}

/** Gzipped CSS a page loads (stylesheets and inline styles), bytes. */
export function pageCssGzipBytes(file: string): number {
  const root = page(file);
  const fromUrl = urlOf(file);
  let total = 0;
  for (const link of root.querySelectorAll('link[rel="stylesheet"]')) {
    const internal = internalPath(link.getAttribute('href') ?? '', fromUrl);
    const path = internal ? fileForPath(internal.path) : null;
    if (path) total += fileGzipBytes(path);
  }
  for (const style of root.querySelectorAll('style')) total += gzipBytes(style.textContent);
  return total;
}

/** True for pages that carry a calculator island. */
export function hasIsland(file: string): boolean {
  return page(file).querySelector('astro-island') !== null;
}

/** The template a page belongs to, from its URL: home, guide, calculator, model, hardware, ... */
export function templateOf(file: string): string {
  const url = urlOf(file);
  if (url === '/') return 'home';
  const first = url.split('/')[1] ?? '';
  const depth = url.split('/').filter(Boolean).length;
  if (['guides', 'calculators', 'models', 'hardware'].includes(first)) return depth > 1 ? first.replace(/s$/, '') : `${first}-index`;
  return first.replace(/\.html$/, '');
}

export { posix };
