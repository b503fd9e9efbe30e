/**
 * The browser half of Astro's Preact renderer (what `@astrojs/preact/client.js` does), without
 * its support for Preact signals passed as island props. Rigbook's islands take plain props and
 * share state through nanostores, and that support costs every calculator page ~0.9 KB gzipped:
 * it is a dynamic `import('@preact/signals')`, which makes Vite add its preload helper to the
 * renderer chunk. astro.config.mjs points `@astrojs/preact/client.js` here (client build only).
 *
 * Kept in step with @astrojs/preact 6: slots become static HTML, the island's id masks Preact's
 * vnode ids so two islands never share `useId` values, `client:only` renders, others hydrate.
 * One addition: hydration runs inside `duringHydration`, so `Quiet` can keep server-rendered results.
 */
import { h, hydrate, render, type ComponentType, type FunctionComponent } from 'preact';
import { duringHydration } from '../shared/hydrating.ts';

interface SlotProps { value?: string | undefined; name?: string | undefined; hydrate?: boolean }

/** Server-rendered slot content, kept as it is (never re-rendered). */
const StaticHtml: FunctionComponent<SlotProps> & { shouldComponentUpdate?: () => boolean } = ({ value, name, hydrate: live = true }) =>
  value ? h(live ? 'astro-slot' : 'astro-static-slot', { name, dangerouslySetInnerHTML: { __html: value } }) : null;
StaticHtml.shouldComponentUpdate = () => false;

/** The island's mask id: Astro's `data-preact-island-id`, else its `uid`. */
function islandMaskId(element: HTMLElement): number | string | null {
  const id = element.getAttribute('data-preact-island-id');
  if (id !== null) {
    const parsed = Number.parseInt(id, 10);
    if (!Number.isNaN(parsed)) return parsed;
  }
  return element.getAttribute('uid');
}

/** Astro calls this once per island element with the component, its props and slots. */
export default (element: HTMLElement) =>
  async (
    Component: ComponentType<Record<string, unknown>>,
    props: Record<string, unknown>,
    { default: children, ...slotted }: Record<string, string | undefined>,
    { client }: { client: string },
  ): Promise<void> => {
    if (!element.hasAttribute('ssr')) return;
    for (const [key, value] of Object.entries(slotted)) props[key] = h(StaticHtml, { value, name: key });
    const child = h(Component, props, children != null ? h(StaticHtml, { value: children }) : children);
    const mask = islandMaskId(element);
    if (mask !== null) {
      const pair = [mask, 0];
      // Preact reads the mask under its mangled (`__m`) or readable (`_mask`) name, by build.
      Object.assign(child, { _mask: pair, __m: pair });
    }
    if (client === 'only') {
      element.innerHTML = '';
      render(child, element);
    } else {
      duringHydration(() => hydrate(child, element));
    }
    element.addEventListener('astro:unmount', () => render(null, element), { once: true });
  };
