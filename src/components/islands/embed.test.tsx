// @vitest-environment happy-dom
/**
 * Every calculator a page or guide embeds hydrates from its build-time result: for the exact props
 * each guide passes (read from the MDX) and for the standalone pages, the result the wrapper in
 * embed/ computes is the one the island uses (a doctored copy of it shows up in the island's HTML),
 * so a change to how islands derive their first view cannot silently bring the engine back onto
 * the hydration path.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JSX } from 'preact';
import WillItFit, { willItFitInitial } from './WillItFit.tsx';
import HowFast, { howFastInitial } from './HowFast.tsx';
import ContextPlanner, { contextPlannerInitial } from './ContextPlanner.tsx';
import QuantExplorer, { quantExplorerInitial } from './QuantExplorer.tsx';
import LocalOrApi, { localOrApiInitial } from './LocalOrApi.tsx';
import HardwareTiers, { hardwareTiersInitial } from './HardwareTiers.tsx';
import { freshPage, ssr } from './shared/test-utils.tsx';

beforeEach(() => freshPage());

type Props = Record<string, string | number | boolean>;
interface Island { render: (p: Record<string, unknown>) => JSX.Element; initial: (p: never) => unknown; doctor: (i: never) => unknown }

/** Each island, its build-time helper, and a way to change its result visibly (same key). */
const islands: Record<string, Island> = {
  WillItFit: { render: (p) => <WillItFit {...(p as Record<string, never>)} />, initial: willItFitInitial,
    doctor: (i: { key: string; result: { memory: object } }) => ({ ...i, result: { ...i.result, memory: { ...i.result.memory, totalBytes: 1, weightsBytes: 1 } } }) },
  HowFast: { render: (p) => <HowFast {...(p as Record<string, never>)} />, initial: howFastInitial,
    doctor: (i: { key: string; value: { rows: unknown[] } }) => ({ ...i, value: { ...i.value, rows: [] } }) },
  ContextPlanner: { render: (p) => <ContextPlanner {...(p as Record<string, never>)} />, initial: contextPlannerInitial,
    doctor: (i: { key: string; value: { curves: { maxContext: number }[] } }) => ({ ...i, value: { ...i.value, curves: i.value.curves.map((c) => ({ ...c, maxContext: 1024 })) } }) },
  QuantExplorer: { render: (p) => <QuantExplorer {...(p as Record<string, never>)} />, initial: quantExplorerInitial,
    doctor: (i: { key: string; value: { table: { rows: unknown[] } } }) => ({ ...i, value: { ...i.value, table: { ...i.value.table, rows: i.value.table.rows.slice(0, 1) } } }) },
  LocalOrApi: { render: (p) => <LocalOrApi {...(p as Record<string, never>)} />, initial: localOrApiInitial,
    doctor: (i: { key: string; value: { out: object } }) => ({ ...i, value: { ...i.value, out: { ...i.value.out, rigPowerW: 777 } } }) },
  HardwareTiers: { render: (p) => <HardwareTiers {...(p as Record<string, never>)} />, initial: hardwareTiersInitial,
    doctor: (i: { key: string; value: unknown[] }) => ({ ...i, value: i.value.slice(0, 1) }) },
};

/** The calculators the guides embed, with their props as written in the MDX (strings and {numbers}). */
function guideEmbeds(): { guide: string; name: string; props: Props }[] {
  const dir = join(process.cwd(), 'src/content/guides');
  const out: { guide: string; name: string; props: Props }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(new RegExp(`^<(${Object.keys(islands).join('|')})((?:\\s+[a-zA-Z]+=(?:"[^"]*"|\\{[^}]*\\}))*)\\s*/>`, 'gm'))) {
      const props: Props = {};
      for (const a of (m[2] ?? '').matchAll(/([a-zA-Z]+)=(?:"([^"]*)"|\{([^}]*)\})/g)) props[a[1]!] = a[2] ?? Number(a[3]);
      out.push({ guide: file, name: m[1]!, props });
    }
  }
  return out;
}

const strip = (h: string) => h.replace(/\b(id|for|aria-labelledby|aria-describedby|name)="[^"]*"/g, '');

describe('build-time results of embedded calculators', () => {
  const embeds = [...guideEmbeds(), ...Object.keys(islands).map((name) => ({ guide: 'standalone page', name, props: { syncUrl: true } as Props }))];

  it('finds the calculators the guides embed', () => {
    expect(embeds.filter((e) => e.guide !== 'standalone page').length).toBeGreaterThanOrEqual(8);
  });

  for (const { guide, name, props } of embeds) {
    it(`${name} in ${guide} (${JSON.stringify(props)}) hydrates from its build-time result`, () => {
      const island = islands[name]!;
      const initial = island.initial(props as never);
      expect(initial).toBeDefined();
      const plain = strip(ssr(island.render(props)));
      expect(strip(ssr(island.render({ ...props, initial: JSON.parse(JSON.stringify(initial)) })))).toBe(plain);
      expect(strip(ssr(island.render({ ...props, initial: island.doctor(initial as never) })))).not.toBe(plain);
    });
  }
});
