// @vitest-environment happy-dom
/**
 * Hydration as a page does it (server HTML, then Preact's `hydrate`, with the build-time result the
 * embed wrapper hands over): each calculator shows the server's results unchanged, and the moment
 * the reader changes something, those results show what a calculator rendered from scratch for the
 * same choice shows.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { hydrate, type JSX } from 'preact';
import { act } from 'preact/test-utils';
import WillItFit, { willItFitInitial } from './WillItFit.tsx';
import HowFast, { howFastInitial } from './HowFast.tsx';
import ContextPlanner, { contextPlannerInitial } from './ContextPlanner.tsx';
import QuantExplorer, { quantExplorerInitial } from './QuantExplorer.tsx';
import LocalOrApi, { localOrApiInitial } from './LocalOrApi.tsx';
import RigBuilder, { rigBuilderInitial } from './RigBuilder.tsx';
import HardwareTiers, { hardwareTiersInitial } from './HardwareTiers.tsx';
import { $preferencesRaw, DEFAULT_PREFERENCES } from '../../lib/state/preferences.ts';
import { byLabel, byTestId, choose, click, freshPage, mount, settle, ssr, type } from './shared/test-utils.tsx';

/** A reader with no saved preferences: the defaults the server rendered with. */
const defaultPreferences = () => $preferencesRaw.set({ unit: DEFAULT_PREFERENCES.unit, currency: DEFAULT_PREFERENCES.currency, electricity: String(DEFAULT_PREFERENCES.electricityUsdPerKWh) });

beforeEach(() => {
  freshPage();
  defaultPreferences();
});

/** Server HTML of an island (with its build-time result), put in the document. */
function serverRendered(island: (initial: boolean) => JSX.Element): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = ssr(island(true));
  document.body.appendChild(root);
  return root;
}

/** Hydrates server HTML as the island runtime does. */
async function hydrateIn(root: HTMLElement, island: (initial: boolean) => JSX.Element): Promise<void> {
  await act(async () => { hydrate(island(true), root); });
  await settle();
}

const islands: Record<string, (initial: boolean) => JSX.Element> = {
  WillItFit: (i) => <WillItFit initial={i ? willItFitInitial({}) : undefined} />,
  HowFast: (i) => <HowFast initial={i ? howFastInitial({}) : undefined} />,
  ContextPlanner: (i) => <ContextPlanner initial={i ? contextPlannerInitial({}) : undefined} />,
  QuantExplorer: (i) => <QuantExplorer initial={i ? quantExplorerInitial({}) : undefined} />,
  LocalOrApi: (i) => <LocalOrApi initial={i ? localOrApiInitial({}) : undefined} />,
};

/** The text of an island's quiet results (stats, charts, tables), without per-render ids. */
const quietText = (root: Element) => (root.querySelector('[aria-live="off"]')?.textContent ?? '').replace(/\s+/g, ' ');

describe('hydration of server-rendered results', () => {
  for (const [name, island] of Object.entries(islands)) {
    it(`${name} shows the server's results unchanged through hydration, then renders the reader's change`, async () => {
      const root = serverRendered(island);
      const before = quietText(root);
      const cell = [...root.querySelectorAll('[aria-live="off"] td, [aria-live="off"] dd')][0];
      await hydrateIn(root, island);
      expect(cell?.isConnected).toBe(true);
      expect(quietText(root)).toBe(before);

      await choose(byLabel(root, 'Model'), 'qwen2.5-7b');
      const after = quietText(root);
      expect(after).not.toBe(before);
      expect(after).not.toMatch(/NaN|Infinity|undefined/);
      const fresh = await mount(island(false));
      expect(quietText(fresh)).toBe(after);
    });
  }

  it('re-renders the server\'s results at once when the reader\'s saved preferences differ from the defaults', async () => {
    const root = serverRendered(islands['QuantExplorer']!);
    expect(quietText(root)).toContain('GiB');
    $preferencesRaw.setKey('unit', 'GB');
    await hydrateIn(root, islands['QuantExplorer']!);
    expect(quietText(root)).toMatch(/\d GB/);
    expect(quietText(root)).not.toContain('GiB');
  });

  it('RigBuilder shows the server\'s table rows unchanged through hydration, and its filters and sort buttons work', async () => {
    const rig = (i: boolean) => <RigBuilder initial={i ? rigBuilderInitial() : undefined} />;
    const root = serverRendered(rig);
    const serverRows = byTestId(root, 'rig-table').querySelector('tbody')!.textContent;
    await hydrateIn(root, rig);
    expect(byTestId(root, 'rig-table').querySelector('tbody')!.textContent).toBe(serverRows);
    await choose(byLabel(root, 'Family'), 'qwen');
    const rows = byTestId(root, 'rig-table').querySelector('tbody')!.textContent;
    expect(rows).toContain('Qwen');
    expect(rows).not.toContain('Llama');
    const fresh = await mount(rig(false));
    await choose(byLabel(fresh, 'Family'), 'qwen');
    expect(byTestId(fresh, 'rig-table').querySelector('tbody')!.textContent).toBe(rows);
    await click(byTestId(root, 'rig-table').querySelector('thead button')!);
    const sorted = byTestId(root, 'rig-table').querySelector('tbody')!.textContent;
    expect(sorted).not.toBe(rows);
    await click(byTestId(fresh, 'rig-table').querySelector('thead button')!);
    expect(byTestId(fresh, 'rig-table').querySelector('tbody')!.textContent).toBe(sorted);
  });

  it('HardwareTiers shows the server\'s tier sections unchanged through hydration, then follows the context', async () => {
    const tiers = (i: boolean) => <HardwareTiers initial={i ? hardwareTiersInitial({}) : undefined} />;
    const root = serverRendered(tiers);
    const serverText = root.querySelector('[data-testid^="tier-"]')!.parentElement!.textContent;
    await hydrateIn(root, tiers);
    expect(root.querySelector('[data-testid^="tier-"]')!.parentElement!.textContent).toBe(serverText);
    await type(byLabel(root, 'Context per sequence'), '65536');
    const text = root.querySelector('[data-testid^="tier-"]')!.parentElement!.textContent;
    expect(text).not.toBe(serverText);
    const fresh = await mount(tiers(false));
    expect(fresh.querySelector('[data-testid^="tier-"]')!.parentElement!.textContent).toBe(text);
  });
});
