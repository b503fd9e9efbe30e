/**
 * /search/ page: replaces the plain form with Pagefind's component UI (input, filters, results)
 * and runs the query from ?q= so a search can be shared as a link.
 */
import { loadScript } from './load-script.ts';

const host = document.getElementById('search-ui');
const form = document.getElementById('search-form');
if (host && form) {
  const base = document.documentElement.dataset['base'] ?? '/';
  const q = new URLSearchParams(location.search).get('q') ?? '';
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = `${base}pagefind/pagefind-component-ui.css`;
  document.head.append(css);
  loadScript(`${base}pagefind/pagefind-component-ui.js`).then(async () => {
    form.hidden = true;
    // The component UI exposes its instances on window.PagefindComponents.
    const pf = (window as unknown as { PagefindComponents?: {
      configureInstance(n: string, o: object): { triggerSearch(t: string): void };
    } }).PagefindComponents;
    // Same ranking as the search dialog (site.ts): weaker short-page bias.
    const instance = pf?.configureInstance('default', { ranking: { pageLength: 0.3 } });
    if (!q) return;
    await customElements.whenDefined('pagefind-input');
    const input = host.querySelector('pagefind-input input') as HTMLInputElement | null;
    if (input) input.value = q;
    instance?.triggerSearch(q);
  }, () => { /* keep the plain form */ });
}

// A module, not a global script: keeps these names out of the global scope.
export {};
