// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import HardwareTiers, { hardwareTiersInitial } from './HardwareTiers.tsx';
import { byLabel, byTestId, click, expectEveryBadInputRejected, freshPage, mount, ssr, type } from './shared/test-utils.tsx';

beforeEach(() => freshPage());

/** Attributes that hold per-render ids (useId), which differ between two renders of the same view. */
const strip = (h: string) => h.replace(/\b(id|for|aria-labelledby|aria-describedby|name)="[^"]*"/g, '');
/** What reaches the browser: the island's props go through a serialisation on the way. */
const serialised = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('HardwareTiers', () => {
  it('server-renders the four tiers computed from the catalog, each with an example rig, prices and what it runs', () => {
    const html = ssr(<HardwareTiers />);
    for (const id of ['lightweight', 'mid-range', 'frontier-open', 'ultra-frontier']) expect(html).toContain(`data-testid="tier-${id}"`);
    expect(html).toMatch(/Example rig:/);
    expect(html).toMatch(/\$[\d,]+–\$[\d,]+/);
    expect(html).toMatch(/\d+ tok\/s/);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('hydrates to the same tiers and keeps working when the unit preference changes', async () => {
    const root = await mount(<HardwareTiers />);
    const text = byTestId(root, 'tier-mid-range').textContent;
    const gib = [...root.querySelectorAll('input[type="radio"]')].find((r) => (r as HTMLInputElement).value === 'GiB') as HTMLInputElement;
    await click(gib);
    expect(byTestId(root, 'tier-mid-range').textContent).toBe(text);
  });

  it('writes a link to its standalone page on copy', async () => {
    const root = await mount(<HardwareTiers />);
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (s: string) => { copied = s; } }, configurable: true });
    await click(byTestId(root, 'copy-link'));
    expect(copied).toMatch(/\/calculators\/hardware-tiers\/\?model=/);
  });

  it('recomputes the tiers at the context the reader types, and keeps them on a bad value', async () => {
    const root = await mount(<HardwareTiers />);
    const at8k = byTestId(root, 'tier-lightweight').textContent;
    const field = byLabel(root, 'Context per sequence (tokens)');
    await type(field, '128k');
    const at128k = byTestId(root, 'tier-lightweight').textContent;
    expect(at128k).not.toBe(at8k);
    await type(field, '-5');
    expect(byTestId(root, `error-${field.id}`).textContent).toMatch(/negative/);
    expect(byTestId(root, 'tier-lightweight').textContent).toBe(at128k);
  }, 30000);

  it('shows a message next to the context field for every kind of bad input and keeps the last tiers', async () => {
    const root = await mount(<HardwareTiers />);
    const field = byLabel(root, 'Context per sequence (tokens)');
    await type(field, '32k');
    await expectEveryBadInputRejected(root, field, 'tier-lightweight');
    await type(field, '8192');
    expect(root.querySelector(`[data-testid="error-${field.id}"]`)).toBeNull();
  }, 30000);

  it('restores its context and cache type from a link, ignores a bad one with a note, and writes changes back to the URL', async () => {
    freshPage('?context=65536&kvCache=q8_0&hardware=%3Cscript%3E');
    const root = await mount(<HardwareTiers syncUrl />);
    expect((byLabel(root, 'Context per sequence (tokens)') as HTMLInputElement).value).toMatch(/65536|64k/i);
    expect(byTestId(root, 'notes').textContent).toContain('Ignored “hardware” in the link');
    expect(byTestId(root, 'notes').textContent).not.toContain('script');
    const fromLink = byTestId(root, 'tier-lightweight').textContent;
    await type(byLabel(root, 'Context per sequence (tokens)'), '16384');
    const params = new URLSearchParams(location.search);
    expect(params.get('context')).toBe('16384');
    expect(params.get('kvCache')).toBe('q8_0');
    const tiers = byTestId(root, 'tier-lightweight').textContent;
    expect(tiers).not.toBe(fromLink);
    // The written URL restores the same view on a fresh page.
    freshPage(location.search);
    const again = await mount(<HardwareTiers syncUrl />);
    expect(byTestId(again, 'tier-lightweight').textContent).toBe(tiers);
  }, 30000);

  it('renders build-time tiers exactly as its own engine run would', () => {
    const initial = hardwareTiersInitial();
    expect(initial?.value?.length).toBe(4);
    expect(strip(ssr(<HardwareTiers syncUrl initial={serialised(initial)} />))).toBe(strip(ssr(<HardwareTiers syncUrl />)));
    expect(strip(ssr(<HardwareTiers context={32768} initial={serialised(hardwareTiersInitial({ context: 32768 }))} />))).toBe(strip(ssr(<HardwareTiers context={32768} />)));
  });

  it('uses build-time tiers only for their own context and cache type, and recomputes once the reader changes the context', async () => {
    const initial = hardwareTiersInitial()!;
    const doctored = { key: initial.key, value: initial.value!.slice(0, 1) };
    expect(strip(ssr(<HardwareTiers initial={doctored} />))).not.toBe(strip(ssr(<HardwareTiers />)));
    expect(strip(ssr(<HardwareTiers context={32768} initial={doctored} />))).toBe(strip(ssr(<HardwareTiers context={32768} />)));
    expect(strip(ssr(<HardwareTiers kvCache="q8_0" initial={doctored} />))).toBe(strip(ssr(<HardwareTiers kvCache="q8_0" />)));
    const root = await mount(<HardwareTiers initial={doctored} />);
    expect(root.querySelector('[data-testid="tier-mid-range"]')).toBeNull();
    await type(byLabel(root, 'Context per sequence (tokens)'), '16k');
    expect(byTestId(root, 'tier-mid-range')).toBeTruthy();
  }, 30000);
});
