// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import QuantExplorer, { quantExplorerInitial } from './QuantExplorer.tsx';
import { byLabel, byTestId, choose, expectEveryBadInputRejected, freshPage, mount, ssr } from './shared/test-utils.tsx';

beforeEach(() => freshPage());

/** Attributes that hold per-render ids (useId), which differ between two renders of the same view. */
const strip = (h: string) => h.replace(/\b(id|for|aria-labelledby|aria-describedby|name)="[^"]*"/g, '');
/** What reaches the browser: the island's props go through a serialisation on the way. */
const serialised = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const quantRows = (root: HTMLElement) => [...byTestId(root, 'quant-table').querySelectorAll('tbody tr')];

describe('QuantExplorer', () => {
  it('server-renders every format of the default model with size, fit and a sourced quality hint', () => {
    const html = ssr(<QuantExplorer />);
    expect(html).toMatch(/Best format that fits: [A-Z0-9_]+/);
    expect(html).toContain('Q4_K_M');
    expect(html).toContain('Q8_0');
    expect(html).toMatch(/KLD [\d.]+/);
    expect(html).toMatch(/<th scope="row">[A-Z0-9_]+ \(knee\)<\/th>/);
    expect(html).toMatch(/<a href="#catalog-source-\d+">source<\/a>/);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('marks fewer formats as fitting when a much larger model is chosen', async () => {
    const root = await mount(<QuantExplorer />);
    const fits = () => quantRows(root).filter((r) => r.textContent?.includes('✓ fits')).length;
    const small = fits();
    await choose(byLabel(root, 'Model'), 'llama-3.1-70b');
    expect(fits()).toBeLessThan(small);
    expect(byTestId(root, 'verdict').textContent).not.toContain('BF16');
  });

  it('rejects every kind of bad context next to the field and keeps the table', async () => {
    const root = await mount(<QuantExplorer />);
    const field = byLabel(root, 'Context per sequence');
    await expectEveryBadInputRejected(root, field, 'quant-table');
  });

  it('round-trips the model and hardware through the URL', async () => {
    freshPage('?model=qwen2.5-32b&hardware=rtx-3090&quant=bogus');
    const root = await mount(<QuantExplorer syncUrl />);
    expect((byLabel(root, 'Model') as HTMLSelectElement).value).toBe('qwen2.5-32b');
    expect(byTestId(root, 'notes').textContent).toContain('Ignored “quant” in the link');
    await choose(byLabel(root, 'How many'), '2');
    expect(new URLSearchParams(location.search).get('hardware')).toBe('2xrtx-3090');
    expect(new URLSearchParams(location.search).get('model')).toBe('qwen2.5-32b');
  });

  it('renders a build-time result exactly as its own engine run would, on the page and in a guide', () => {
    const initial = quantExplorerInitial();
    expect(initial?.value.table?.rows.length).toBeGreaterThan(10);
    expect(strip(ssr(<QuantExplorer syncUrl initial={serialised(initial)} />))).toBe(strip(ssr(<QuantExplorer syncUrl />)));
    const preset = { model: 'llama-3.1-8b', hardware: 'rtx-4060' };
    expect(strip(ssr(<QuantExplorer {...preset} initial={serialised(quantExplorerInitial(preset))} />))).toBe(strip(ssr(<QuantExplorer {...preset} />)));
  });

  it('uses a build-time result only for its own view, and runs the engine once the reader changes anything', async () => {
    const initial = quantExplorerInitial()!;
    const table = initial.value.table!;
    const doctored = { key: initial.key, value: { ...initial.value, table: { ...table, rows: table.rows.slice(0, 2) } } };
    expect(strip(ssr(<QuantExplorer initial={doctored} />))).not.toBe(strip(ssr(<QuantExplorer />)));
    expect(strip(ssr(<QuantExplorer hardware="rtx-4060" initial={doctored} />))).toBe(strip(ssr(<QuantExplorer hardware="rtx-4060" />)));
    const root = await mount(<QuantExplorer initial={doctored} />);
    expect(quantRows(root)).toHaveLength(2);
    await choose(byLabel(root, 'Model'), 'qwen2.5-7b');
    const fresh = await mount(<QuantExplorer />);
    expect(quantRows(root).length).toBeGreaterThan(2);
    expect(byTestId(root, 'quant-table').textContent).toBe(byTestId(fresh, 'quant-table').textContent);
  });
});
