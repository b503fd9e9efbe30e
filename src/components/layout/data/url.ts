/**
 * Base-path helpers. The site may be deployed under a sub-path (BASE_PATH=/kb/), so every
 * internal link written by a layout goes through `href()`; Markdown links are rewritten by
 * the rehype plugin in astro.config.mjs.
 */

/** The configured base, always with a trailing slash: '/' or '/kb/'. */
export const base: string = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/**
 * Prefixes a root-absolute site path with the base path. `href('/guides/speed/')` is
 * '/kb/guides/speed/' under BASE_PATH=/kb/. External URLs and fragments pass through unchanged.
 */
export function href(path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  return base + path.slice(1);
}

/**
 * The site path of the current page without the base, always starting and ending with '/',
 * used to mark the current link in navigation (`aria-current`).
 */
export function sitePath(pathname: string): string {
  let p = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
  p = p.replace(/index\.html$/, '').replace(/\.html$/, '/');
  return p.endsWith('/') ? p : `${p}/`;
}
