// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import HowFast, { howFastInitial } from './HowFast.tsx';
import { byLabel, byTestId, choose, expectEveryBadInputRejected, freshPage, mount, ssr, type } from './shared/test-utils.tsx';
import { $selection, selectionToRequest } from '../../lib/state/selection.ts';
import { estimate } from '../../lib/estimate.ts';
import { formatTokensPerSec } from '../../lib/format/index.ts';

beforeEach(() => freshPage());

/** Attributes that hold per-render ids (useId), which differ between two renders of the same view. */
const strip = (h: string) => h.replace(/\b(id|for|aria-labelledby|aria-describedby|name)="[^"]*"/g, '');
/** What reaches the browser: the island's props go through a serialisation on the way. */
const serialised = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('HowFast', () => {
  it('server-renders decode and prefill speeds with ranges, time to first token and the what-if table', () => {
    const html = ssr(<HowFast />);
    expect(html).toMatch(/data-testid="decode">\d[\d,.]* tok\/s/);
    expect(html).toMatch(/range \d[\d,.]*–\d[\d,.]* tok\/s/);
    expect(html).toMatch(/data-testid="ttft">[\d.,]+ (ms|s)/);
    expect(html).toMatch(/data-testid="step">[\d.,]+ (ms|s)/);
    expect(html).toMatch(/one agent step takes about [\d.,]+ s/);
    expect(html).toContain('tensor parallel');
    expect(html).toContain('KV cache q8_0');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('gives several agents at once the engine\'s per-sequence and total decode rates, and refuses a sequence count out of range next to its field', async () => {
    const root = await mount(<HowFast />);
    expect(root.querySelector('[data-testid="aggregate"]')).toBeNull();
    const field = byLabel(root, 'Sequences');
    await type(field, '8');
    const r = estimate({ ...selectionToRequest($selection.get()), prompt: 6000, output: 400, sequences: 8 });
    expect(byTestId(root, 'decode').textContent).toBe(formatTokensPerSec(r.speed!.decodeTokensPerSec));
    expect(byTestId(root, 'aggregate').textContent).toBe(formatTokensPerSec(r.speed!.aggregateDecodeTokensPerSec));
    await type(field, '0');
    expect(byTestId(root, `error-${field.id}`).textContent).toContain('Must be more than 0');
    await type(field, '100000');
    expect(byTestId(root, `error-${field.id}`).textContent).toContain('Too large: at most 256');
    expect(byTestId(root, 'aggregate').textContent).toBe(formatTokensPerSec(r.speed!.aggregateDecodeTokensPerSec));
  });

  it('slows decoding when a larger model is chosen', async () => {
    const root = await mount(<HowFast />);
    const speed = (t: string | null) => Number((t ?? '').replace(/[^\d.]/g, ''));
    const small = speed(byTestId(root, 'decode').textContent);
    await choose(byLabel(root, 'Model'), 'qwen2.5-14b');
    const big = speed(byTestId(root, 'decode').textContent);
    expect(big).toBeGreaterThan(0);
    expect(big).toBeLessThan(small);
  });

  it('lengthens the time to first token with a longer prompt', async () => {
    const root = await mount(<HowFast />);
    const before = byTestId(root, 'ttft').textContent;
    await type(byLabel(root, 'Prompt (tokens)'), '24000');
    expect(byTestId(root, 'ttft').textContent).not.toBe(before);
  });

  it('rejects every kind of bad prompt length next to the field and keeps the last result', async () => {
    const root = await mount(<HowFast />);
    const field = byLabel(root, 'Prompt (tokens)');
    await expectEveryBadInputRejected(root, field, 'ttft');
  });

  it('round-trips prompt and answer lengths through the URL and ignores bad ones with a note', async () => {
    freshPage('?model=qwen2.5-7b&prompt=12000&output=abc');
    const root = await mount(<HowFast syncUrl />);
    expect((byLabel(root, 'Prompt (tokens)') as HTMLInputElement).value).toBe('12000');
    expect((byLabel(root, 'Answer (tokens)') as HTMLInputElement).value).toBe('400');
    expect(byTestId(root, 'notes').textContent).toContain('Ignored “output” in the link');
    await type(byLabel(root, 'Answer (tokens)'), '800');
    const p = new URLSearchParams(location.search);
    expect([p.get('model'), p.get('prompt'), p.get('output')]).toEqual(['qwen2.5-7b', '12000', '800']);
  });

  it('renders a build-time result exactly as its own engine run would, on the page and in the guides', () => {
    const initial = howFastInitial();
    expect(initial?.value.rows.length).toBeGreaterThan(1);
    expect(strip(ssr(<HowFast syncUrl initial={serialised(initial)} />))).toBe(strip(ssr(<HowFast syncUrl />)));
    for (const preset of [{ model: 'llama-3.1-8b', hardware: 'rtx-3090' }, { model: 'llama-3.1-70b', hardware: '2xrtx-3090' }, { model: 'qwen2.5-7b', prompt: 20000, output: 900 }]) {
      expect(strip(ssr(<HowFast {...preset} initial={serialised(howFastInitial(preset))} />))).toBe(strip(ssr(<HowFast {...preset} />)));
    }
  });

  it('uses a build-time result only for its own view, and runs the engine once the reader changes anything', async () => {
    const initial = howFastInitial()!;
    const doctored = { key: initial.key, value: { ...initial.value, rows: initial.value.rows.slice(0, 1) } };
    expect(strip(ssr(<HowFast initial={doctored} />))).not.toBe(strip(ssr(<HowFast />)));
    expect(strip(ssr(<HowFast prompt={9000} initial={doctored} />))).toBe(strip(ssr(<HowFast prompt={9000} />)));
    expect(strip(ssr(<HowFast model="qwen2.5-14b" initial={doctored} />))).toBe(strip(ssr(<HowFast model="qwen2.5-14b" />)));
    const root = await mount(<HowFast initial={doctored} />);
    expect(byTestId(root, 'scenarios').querySelectorAll('tbody tr')).toHaveLength(1);
    await type(byLabel(root, 'Answer (tokens)'), '500');
    const fresh = await mount(<HowFast output={500} />);
    expect(byTestId(root, 'scenarios').textContent).toBe(byTestId(fresh, 'scenarios').textContent);
  });
});
