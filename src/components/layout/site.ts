/**
 * All layout behaviour in one small module (no framework): the theme switch, the table-of-contents
 * highlighter and the on-demand search dialog. Budget: a page without a calculator ships at most
 * 2 KB of gzipped JavaScript, so keep this file tiny; Pagefind's UI is loaded only when opened.
 */
import { loadScript } from './load-script.ts';

const root = document.documentElement;
const base = root.dataset['base'] ?? '/';

// ---- theme: 'system' removes the override so light-dark() follows the OS ----
const dark = matchMedia('(prefers-color-scheme: dark)');
/** Tells Pagefind's UI (its own stylesheet) which theme is in effect. */
const syncSearchTheme = (): void => {
  root.dataset['pfTheme'] = root.dataset['theme'] ?? (dark.matches ? 'dark' : 'light');
};
syncSearchTheme();
dark.addEventListener('change', syncSearchTheme);
const select = document.getElementById('theme-select') as HTMLSelectElement | null;
if (select) {
  let saved = 'system';
  try { saved = localStorage.getItem('rb-theme') ?? 'system'; } catch { /* storage blocked: stay on system */ }
  select.value = saved === 'light' || saved === 'dark' ? saved : 'system';
  select.addEventListener('change', () => {
    const value = select.value;
    if (value === 'light' || value === 'dark') root.dataset['theme'] = value;
    else delete root.dataset['theme'];
    try { localStorage.setItem('rb-theme', value); } catch { /* not persisted */ }
    syncSearchTheme();
  });
}

// ---- sidebar: a <details> that is the mobile menu; always open on wide screens ----
const sidebar = document.querySelector<HTMLDetailsElement>('details.sidebar');
const wide = matchMedia('(min-width: 60rem)');
const syncSidebar = (): void => { if (sidebar && wide.matches) sidebar.open = true; };
syncSidebar();
wide.addEventListener('change', syncSidebar);

// ---- wide tables and formulas that scroll sideways must be reachable by keyboard (WCAG 2.1.1) ----
// Measured in a ResizeObserver, i.e. after the browser's own layout: reading sizes while this module
// runs would force a synchronous layout of the whole page (including closed <details>), which on a
// long page such as the methodology blocked the main thread for a long time. Elements that are not
// laid out (in a closed <details>) are measured when they are, e.g. once opened.
const sized = new ResizeObserver((entries) => {
  for (const e of entries) {
    const el = e.target as HTMLElement;
    if (e.contentRect.width && el.scrollWidth > el.clientWidth) el.tabIndex = 0;
  }
});
for (const el of document.querySelectorAll<HTMLElement>('.table-wrap:not([tabindex]), .katex-display, .prose > table')) sized.observe(el);

// ---- <rb-toc>: marks the link of the last heading scrolled past the top third ----
customElements.define('rb-toc', class extends HTMLElement {
  connectedCallback(): void {
    const links = [...this.querySelectorAll('a')];
    const heads = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
    const update = (): void => {
      let current = 0;
      heads.forEach((h, i) => { if (h && h.getBoundingClientRect().top < innerHeight / 3) current = i; });
      links.forEach((a, i) => (i === current ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current')));
    };
    // The observer reports every heading once after the browser's first layout, which sets the first
    // mark; calling update() here instead would force that layout synchronously while the page loads.
    const io = new IntersectionObserver(update, { rootMargin: '0px 0px -66% 0px' });
    heads.forEach((h) => h && io.observe(h));
    // A jump to an anchor, or an island growing as it hydrates, can move headings past the line
    // without a crossing the observer reports on a busy main thread: re-check when scrolling ends.
    addEventListener('scrollend', update);
  }
});

// ---- search: Pagefind's component UI, loaded on first use ----
/**
 * Weakens Pagefind's short-page bias (pageLength 0.3, default 0.75) so that a guide which
 * answers a question outranks a short reference page that merely mentions its words; chosen by
 * running the search tests' queries (tests/e2e/search.test.ts) against the built index.
 */
function configureRanking(): void {
  (window as unknown as { PagefindComponents?: { configureInstance(n: string, o: object): void } })
    .PagefindComponents?.configureInstance('default', { ranking: { pageLength: 0.3 } });
}

let modal: Promise<HTMLElement & { open(): void }> | undefined;
/** Loads Pagefind's UI once and returns its modal element. */
function loadSearch(): Promise<HTMLElement & { open(): void }> {
  modal ??= (async () => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${base}pagefind/pagefind-component-ui.css`;
    document.head.append(css);
    const config = document.createElement('pagefind-config');
    config.setAttribute('bundle-path', `${base}pagefind/`);
    config.setAttribute('base-url', base);
    const m = document.createElement('pagefind-modal') as HTMLElement & { open(): void };
    document.body.append(config, m);
    await loadScript(`${base}pagefind/pagefind-component-ui.js`);
    configureRanking();
    await customElements.whenDefined('pagefind-modal');
    return m;
  })();
  return modal;
}
/** Opens the search dialog; falls back to following the link to /search/ if loading fails. */
function openSearch(event?: Event): void {
  event?.preventDefault();
  loadSearch().then((m) => m.open(), () => { location.href = `${base}search/`; });
}
// The trigger stays a link to /search/ (it works without JavaScript); with it, the link opens the dialog.
for (const el of document.querySelectorAll('[data-search-open]')) el.addEventListener('click', openSearch);
addEventListener('keydown', (e) => {
  const t = e.target as HTMLElement;
  const typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
  if (((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing && !e.metaKey && !e.ctrlKey)) {
    if (!document.querySelector('pagefind-modal dialog[open]')) openSearch(e);
  }
});

// ---- offline: the service worker, registered once the page has settled ----
// Three seconds after load, so that its precache downloads (the search bundle and the calculators'
// scripts) do not compete with the page starting; it then keeps the page it finds open as well.
if ('serviceWorker' in navigator) addEventListener('load', () => setTimeout(() => navigator.serviceWorker.register(`${base}sw.js`).catch(() => {}), 3000));

// A module, not a global script: keeps these names out of the global scope.
export {};
