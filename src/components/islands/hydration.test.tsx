// @vitest-environment happy-dom
/**
 * Hydration as a page does it (server HTML, then Preact's `hydrate` inside `duringHydration`, with
 * the build-time result the embed wrapper hands over): each calculator keeps the server's results
 * markup instead of rebuilding it, and the moment the reader changes something, those results
 * show what a calculator rendered from scratch for the same choice shows.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hydrate, type JSX } from 'preact';
import { act } from 'preact/test-utils';
import WillItFit, { willItFitInitial } from './WillItFit.tsx';
import HowFast, { howFastInitial } from './HowFast.tsx';
import ContextPlanner, { contextPlannerInitial } from './ContextPlanner.tsx';
import QuantExplorer, { quantExplorerInitial } from './QuantExplorer.tsx';
import LocalOrApi, { localOrApiInitial } from './LocalOrApi.tsx';
import RigBuilder, { rigBuilderInitial } from './RigBuilder.tsx';
import HardwareTiers, { hardwareTiersInitial } from './HardwareTiers.tsx';
import { duringHydration } from './shared/hydrating.ts';
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
  await act(async () => { duringHydration(() => hydrate(island(true), root)); });
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
    it(`${name} leaves the server's results markup untouched through hydration, then renders the reader's change`, async () => {
      const root = serverRendered(island);
      const before = quietText(root);
      // A marker in the server's text: hydration that walked this subtree would reset the text.
      const cell = [...root.querySelectorAll('[aria-live="off"] td, [aria-live="off"] dd')].find((c) => c.firstChild?.nodeType === 3);
      expect(cell).toBeDefined();
      (cell!.firstChild as Text).data += ' (kept)';
      await hydrateIn(root, island);
      expect(cell!.isConnected).toBe(true);
      expect(cell!.textContent).toMatch(/\(kept\)$/);
      (cell!.firstChild as Text).data = (cell!.firstChild as Text).data.replace(' (kept)', '');
      expect(quietText(root)).toBe(before);

      await choose(byLabel(root, 'Model'), 'qwen2.5-7b');
      const after = quietText(root);
      expect(after).not.toBe(before);
      expect(after).not.toMatch(/NaN|Infinity|undefined/);
      const fresh = await mount(island(false));
      expect(quietText(fresh)).toBe(after);
    });
  }

  it('re-renders the kept results at once when the reader\'s saved preferences differ from the defaults', async () => {
    const root = serverRendered(islands['QuantExplorer']!);
    expect(quietText(root)).toContain('GiB');
    $preferencesRaw.setKey('unit', 'GB');
    await hydrateIn(root, islands['QuantExplorer']!);
    expect(quietText(root)).toMatch(/\d GB/);
    expect(quietText(root)).not.toContain('GiB');
  });

  it('RigBuilder leaves the server\'s table rows untouched through hydration, and its sort buttons work', async () => {
    const rig = (i: boolean) => <RigBuilder initial={i ? rigBuilderInitial() : undefined} />;
    const root = serverRendered(rig);
    const cell = root.querySelector('[data-testid="rig-table"] tbody td')!;
    (cell.firstChild as Text).data += ' (kept)';
    await hydrateIn(root, rig);
    expect(cell.isConnected && cell.textContent?.endsWith(' (kept)')).toBe(true);
    await choose(byLabel(root, 'Family'), 'qwen');
    const rows = byTestId(root, 'rig-table').querySelector('tbody')!.textContent;
    expect(rows).not.toContain('(kept)');
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

  it('RigBuilder renders the same rows itself once the reader reaches for it, before any change', async () => {
    const rig = (i: boolean) => <RigBuilder initial={i ? rigBuilderInitial() : undefined} />;
    const root = serverRendered(rig);
    const serverRows = byTestId(root, 'rig-table').querySelector('tbody')!.textContent;
    const cell = root.querySelector('[data-testid="rig-table"] tbody td')!;
    (cell.firstChild as Text).data += ' (kept)';
    await hydrateIn(root, rig);
    // The pointer crosses the calculator: the warm-up sweeps, then the island renders its rows.
    await act(async () => { byTestId(root, 'calc-rig-builder').dispatchEvent(new Event('pointerover', { bubbles: true })); });
    await vi.waitFor(() => expect(byTestId(root, 'rig-table').querySelector('tbody')!.textContent).not.toContain('(kept)'), { timeout: 10_000 });
    expect(byTestId(root, 'rig-table').querySelector('tbody')!.textContent).toBe(serverRows);
  });

  it('HardwareTiers leaves the server\'s tier sections untouched through hydration, then follows the context', async () => {
    const tiers = (i: boolean) => <HardwareTiers initial={i ? hardwareTiersInitial({}) : undefined} />;
    const root = serverRendered(tiers);
    const cell = root.querySelector('.rb-tier td')!;
    (cell.firstChild as Text).data += ' (kept)';
    await hydrateIn(root, tiers);
    expect(cell.isConnected && cell.textContent?.endsWith(' (kept)')).toBe(true);
    await type(byLabel(root, 'Context per sequence'), '65536');
    const text = root.querySelector('[data-testid^="tier-"]')!.parentElement!.textContent;
    expect(text).not.toContain('(kept)');
    const fresh = await mount(tiers(false));
    expect(fresh.querySelector('[data-testid^="tier-"]')!.parentElement!.textContent).toBe(text);
  });
});
