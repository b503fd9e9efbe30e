// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import LocalOrApi, { localOrApiInitial } from './LocalOrApi.tsx';
import { $preferencesRaw } from '../../lib/state/preferences.ts';
import { isStale } from '../../lib/freshness.ts';
import { REFERENCE_DATE } from '../../build/reference-date.ts';
import { byLabel, byTestId, choose, expectEveryBadInputRejected, freshPage, mount, ssr, type } from './shared/test-utils.tsx';

beforeEach(() => freshPage());

/** Attributes that hold per-render ids (useId), which differ between two renders of the same view. */
const strip = (h: string) => h.replace(/\b(id|for|aria-labelledby|aria-describedby|name)="[^"]*"/g, '');
/** What reaches the browser: the island's props go through a serialisation on the way. */
const serialised = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const dollars = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));

describe('LocalOrApi', () => {
  it('server-renders the local monthly cost, a verdict and every catalogued API price with its source', () => {
    const html = ssr(<LocalOrApi />);
    expect(html).toMatch(/data-testid="local-month">\$[\d,.]+/);
    expect(html).toContain('data-testid="verdict"');
    expect(html).toMatch(/<td><a href="#catalog-source-\d+">20\d\d-\d\d-\d\d<\/a><\/td>/);
    expect(html).not.toContain('https://');
    expect(html).toContain('Cumulative cost over time');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('raises the local monthly cost with a dearer rig and a higher electricity price', async () => {
    const root = await mount(<LocalOrApi />);
    const base = dollars(byTestId(root, 'local-month').textContent);
    await type(byLabel(root, 'Hardware price'), '6000');
    const dearer = dollars(byTestId(root, 'local-month').textContent);
    expect(dearer).toBeGreaterThan(base);
    await type(byLabel(root, 'Electricity'), '0.45');
    expect(dollars(byTestId(root, 'local-month').textContent)).toBeGreaterThan(dearer);
    expect($preferencesRaw.get().electricity).toBe('0.45');
  });

  it('says in words which API prices were seen more than six months before the build\'s reference date', () => {
    const root = document.createElement('div');
    root.innerHTML = ssr(<LocalOrApi />);
    const rows = [...byTestId(root, 'api-table').querySelectorAll('tbody tr')];
    expect(rows.length).toBeGreaterThan(0);
    let old = 0;
    for (const row of rows) {
      const cell = row.querySelectorAll('td')[4]!;
      const seen = cell.querySelector('a')!.textContent!;
      const stale = isStale(seen, REFERENCE_DATE);
      expect(cell.textContent, seen).toBe(stale ? `${seen} ⚠ over six months old` : seen);
      if (stale) old++;
    }
    // At the suite's reference date some catalogued prices are old.
    expect(old).toBeGreaterThan(0);
  });

  it('rejects every kind of bad volume next to the field and keeps the last valid costs', async () => {
    const root = await mount(<LocalOrApi />);
    const field = byLabel(root, 'Tokens per day');
    await expectEveryBadInputRejected(root, field, 'api-table');
  });

  it('round-trips the cost fields through the URL and ignores a negative lifetime with a note', async () => {
    freshPage('?tokensPerDay=5M&years=-2&util=50');
    const root = await mount(<LocalOrApi syncUrl />);
    expect((byLabel(root, 'Tokens per day') as HTMLInputElement).value).toBe('5000000');
    expect((byLabel(root, 'Lifetime') as HTMLInputElement).value).toBe('3');
    expect(byTestId(root, 'notes').textContent).toContain('Ignored “years” in the link');
    await type(byLabel(root, 'Utilisation'), '75');
    await choose(byLabel(root, 'Model'), 'qwen2.5-7b');
    const p = new URLSearchParams(location.search);
    expect([p.get('tokensPerDay'), p.get('util'), p.get('model')]).toEqual(['5000000', '75', 'qwen2.5-7b']);
  });

  it('renders a build-time result exactly as its own engine run would, on the page and in a guide', () => {
    const initial = localOrApiInitial();
    expect(initial?.value.out?.missing).toBeNull();
    expect(strip(ssr(<LocalOrApi syncUrl initial={serialised(initial)} />))).toBe(strip(ssr(<LocalOrApi syncUrl />)));
    const preset = { model: 'llama-3.3-70b', quant: 'Q4_K_M', hardware: '2xrtx-3090', context: 8192, price: 3700, tokensPerDay: 200000 };
    expect(strip(ssr(<LocalOrApi {...preset} initial={serialised(localOrApiInitial(preset))} />))).toBe(strip(ssr(<LocalOrApi {...preset} />)));
  });

  it('uses a build-time result only for its own view, and runs the engine once the reader changes anything', async () => {
    const initial = localOrApiInitial()!;
    const doctored = { key: initial.key, value: { ...initial.value, out: { ...initial.value.out!, rigPowerW: 777 } } as typeof initial.value };
    expect(strip(ssr(<LocalOrApi initial={doctored} />))).toContain('777 W');
    expect(strip(ssr(<LocalOrApi tokensPerDay={5_000_000} initial={doctored} />))).toBe(strip(ssr(<LocalOrApi tokensPerDay={5_000_000} />)));
    // The electricity price is part of the view: once a reader's saved price is read, the build's result is not used.
    $preferencesRaw.setKey('electricity', '0.4');
    const saved = await mount(<LocalOrApi initial={doctored} />);
    expect(saved.textContent).not.toContain('777 W');
    $preferencesRaw.setKey('electricity', '0.17');
    const root = await mount(<LocalOrApi initial={doctored} />);
    expect(root.textContent).toContain('777 W');
    await type(byLabel(root, 'Lifetime (years)'), '4');
    expect(root.textContent).not.toContain('777 W');
  });
});
