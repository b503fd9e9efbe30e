// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import RigBuilder, { rigBuilderInitial } from './RigBuilder.tsx';
import { byLabel, byTestId, choose, click, expectEveryBadInputRejected, freshPage, mount, ssr, type } from './shared/test-utils.tsx';

beforeEach(() => freshPage());

const rows = (root: HTMLElement) => [...byTestId(root, 'rig-table').querySelectorAll('tbody tr')];

describe('RigBuilder', () => {
  it('server-renders the best model at 20 tok/s and a table marked by fit with symbols, not colour alone', () => {
    const html = ssr(<RigBuilder />);
    expect(html).toMatch(/data-testid="best-0"[\s\S]*?RTX 4090: [^<]+ at [A-Z0-9_]+/);
    expect(html).toMatch(/decodes at 20 tok\/s or more: \d+ tok\/s/);
    expect(html).toContain('class="rb-fit-fits"');
    expect(html).toContain('✓ ');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  }, 20000);

  it('compares a second rig side by side and answers for each rig', async () => {
    const root = await mount(<RigBuilder />);
    await choose(byLabel(root, 'Rig 2'), 'rtx-3060-12gb');
    expect(byTestId(root, 'best-1').textContent).toMatch(/RTX 3060 12GB: /);
    expect(rows(root)[0]?.querySelectorAll('td').length).toBe(4);
  }, 30000);

  it('filters by family and MoE and sorts by a column', async () => {
    const root = await mount(<RigBuilder />);
    await choose(byLabel(root, 'Family'), 'qwen');
    expect(rows(root).every((r) => /Qwen/i.test(r.querySelector('th')?.textContent ?? ''))).toBe(true);
    await choose(byLabel(root, 'Architecture'), 'moe');
    expect(rows(root).length).toBeGreaterThan(0);
    expect(rows(root).every((r) => (r.querySelector('th')?.textContent ?? '').includes('(MoE)'))).toBe(true);
    const header = [...root.querySelectorAll('th button')].find((b) => b.textContent === 'Params') as HTMLElement;
    await click(header);
    expect(header.parentElement?.getAttribute('aria-sort')).toBe('descending');
  }, 30000);

  it('lowers the best model when the target speed rises, and rejects bad targets next to the field', async () => {
    const root = await mount(<RigBuilder />);
    const field = byLabel(root, 'Target speed');
    const at20 = byTestId(root, 'best-0').textContent;
    await type(field, '150');
    expect(byTestId(root, 'best-0').textContent).not.toBe(at20);
    await expectEveryBadInputRejected(root, field, 'best-0');
  }, 30000);

  it('restores rigs and filters from a link and ignores a bad rig id with a note', async () => {
    freshPage('?hardware=2xrtx-3090&rig2=rtx-9999&minTps=30&family=llama&show=Q8_0');
    const root = await mount(<RigBuilder syncUrl />);
    expect((byLabel(root, 'Family') as HTMLSelectElement).value).toBe('llama');
    expect((byLabel(root, 'Target speed') as HTMLInputElement).value).toBe('30');
    expect(byTestId(root, 'notes').textContent).toContain('Ignored “rig2” in the link');
    expect(rows(root).every((r) => r.querySelectorAll('td')[0]?.textContent === 'Q8_0')).toBe(true);
    await choose(byLabel(root, 'Rig 2'), 'rtx-4090');
    const p = new URLSearchParams(location.search);
    expect([p.get('hardware'), p.get('rig2'), p.get('minTps'), p.get('family')]).toEqual(['2xrtx-3090', 'rtx-4090', '30', 'llama']);
  }, 30000);

  it('renders the build-time default rows exactly as a fresh sweep would, from a fraction of the rows', () => {
    const initial = rigBuilderInitial();
    expect(initial.rows.length).toBeGreaterThan(10);
    expect(initial.rows.length).toBeLessThan(200);
    const strip = (h: string) => h.replace(/\b(id|for|aria-labelledby|aria-describedby|name)="[^"]*"/g, '');
    expect(strip(ssr(<RigBuilder syncUrl initial={initial} />))).toBe(strip(ssr(<RigBuilder syncUrl />)));
  }, 20000);

  it('ignores build-time rows that belong to another view', async () => {
    const initial = { key: 'another view', rows: [] };
    const root = await mount(<RigBuilder initial={initial} />);
    expect(rows(root).length).toBeGreaterThan(0);
  }, 30000);
});
