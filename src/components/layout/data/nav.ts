/**
 * Navigation data for the sidebar, breadcrumbs and previous/next links, prepared once from the
 * content collections and the catalog so that layout components only render it.
 */
import { existsSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { guideSections } from '../../../content.config.ts';
import { catalogHardware, catalogModels } from './catalog.ts';

export interface NavLink { label: string; path: string }
export interface NavGroup { title: string; links: NavLink[]; subgroups?: { title: string; links: NavLink[] }[]; collapsible?: boolean }

/** Calculator pages in sidebar order; the calculators helper owns the pages themselves. */
export const calculatorPages: NavLink[] = [
  { label: 'Will it fit?', path: '/calculators/will-it-fit/' },
  { label: 'How fast?', path: '/calculators/how-fast/' },
  { label: 'Rig builder', path: '/calculators/rig-builder/' },
  { label: 'Quantization explorer', path: '/calculators/quantization-explorer/' },
  { label: 'Context planner', path: '/calculators/context-planner/' },
  { label: 'Local or API', path: '/calculators/local-or-api/' },
  { label: 'Hardware tiers', path: '/calculators/hardware-tiers/' },
];

/**
 * True when the page for a calculator slug exists in src/pages/calculators, so the sidebar never
 * links to a page that is not built (the link checker would fail the run).
 */
function calculatorExists(path: string): boolean {
  const slug = path.split('/').filter(Boolean).pop() ?? '';
  const dir = `${process.cwd()}/src/pages/calculators`;
  return [`${dir}/${slug}.astro`, `${dir}/${slug}/index.astro`, `${dir}/${slug}.mdx`].some((f) => existsSync(f));
}

/** Calculator links whose pages exist. */
export function availableCalculators(): NavLink[] {
  return calculatorPages.filter((c) => calculatorExists(c.path));
}

/** True when the calculators index page exists. */
export function calculatorsIndexExists(): boolean {
  const dir = `${process.cwd()}/src/pages/calculators`;
  return existsSync(`${dir}/index.astro`) || existsSync(`${dir}/index.mdx`);
}

/** Anchor id of a guide section on the guides index: "Memory and speed" → "memory-and-speed". */
export function sectionSlug(section: string): string {
  return section.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Entries of the guides collection that are pages about Rigbook itself and live under /about/
 * (src/pages/about/), not under /guides/: kept out of the guide list, the sidebar's guides, the
 * previous/next chain and the /guides/[...slug] route (the old address is a redirect page).
 */
export const aboutGuideIds: ReadonlySet<string> = new Set(['self-hosting']);

/** Every entry of the guides collection sorted for reading: by section order, then `order`, then title. */
export async function sortedGuides(): Promise<CollectionEntry<'guides'>[]> {
  const guides = await getCollection('guides');
  const rank = (g: CollectionEntry<'guides'>) => guideSections.indexOf(g.data.section);
  return guides.sort((a, b) => rank(a) - rank(b) || a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

/** The guides shown under /guides/ (sidebar, guides index, previous/next): `sortedGuides` without the pages under /about/. */
export async function readingGuides(): Promise<CollectionEntry<'guides'>[]> {
  return (await sortedGuides()).filter((g) => !aboutGuideIds.has(g.id));
}

const segmentTitles: Record<string, string> = {
  consumer: 'Consumer GPUs', workstation: 'Workstation GPUs', datacenter: 'Data-centre GPUs', unified: 'Unified memory',
};

let cache: Promise<NavGroup[]> | undefined;

/** The sidebar groups: guides by section, calculators, models, hardware, reference. Computed once per build. */
export function sidebarGroups(): Promise<NavGroup[]> {
  cache ??= (async () => {
    const guides = await readingGuides();
    const groups: NavGroup[] = [];
    const guideSubgroups = guideSections
      .map((section) => ({
        title: section,
        links: guides.filter((g) => g.data.section === section).map((g) => ({ label: g.data.title, path: `/guides/${g.id}/` })),
      }))
      .filter((s) => s.links.length > 0);
    groups.push({ title: 'Guides', links: [], subgroups: guideSubgroups });
    const calcs = availableCalculators();
    if (calcs.length > 0) groups.push({ title: 'Calculators', links: calcs });
    const models = catalogModels();
    if (models.length > 0) {
      groups.push({
        title: 'Models',
        collapsible: true,
        links: [{ label: 'All models', path: '/models/' }, ...models.map((m) => ({ label: m.name, path: `/models/${m.id}/` }))],
      });
    }
    const hw = catalogHardware();
    if (hw.length > 0) {
      groups.push({
        title: 'Hardware',
        collapsible: true,
        links: [{ label: 'All hardware', path: '/hardware/' }],
        subgroups: Object.entries(segmentTitles)
          .map(([seg, title]) => ({ title, links: hw.filter((h) => h.segment === seg).map((h) => ({ label: h.name, path: `/hardware/${h.id}/` })) }))
          .filter((s) => s.links.length > 0),
      });
    }
    groups.push({
      title: 'Reference',
      links: [
        { label: 'Glossary', path: '/glossary/' },
        { label: 'Methodology', path: '/methodology/' },
        { label: 'Sources', path: '/sources/' },
        { label: 'Search', path: '/search/' },
      ],
    });
    groups.push({
      title: 'About',
      links: [
        { label: 'About Rigbook', path: '/about/' },
        { label: 'Self-hosting Rigbook offline', path: '/about/self-hosting/' },
      ],
    });
    return groups;
  })();
  return cache;
}

/** Previous and next guide in reading order, or null at either end. */
export async function guideNeighbours(id: string): Promise<{ prev: NavLink | null; next: NavLink | null }> {
  const guides = await readingGuides();
  const i = guides.findIndex((g) => g.id === id);
  const link = (g: CollectionEntry<'guides'> | undefined): NavLink | null => (g ? { label: g.data.title, path: `/guides/${g.id}/` } : null);
  return { prev: i > 0 ? link(guides[i - 1]) : null, next: i >= 0 ? link(guides[i + 1]) : null };
}
