// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import ContextPlanner, { contextPlannerInitial } from './ContextPlanner.tsx';
import { KV_CACHE_TYPES_BY_ENGINE } from '../../lib/vocabulary.ts';
import { byLabel, byTestId, choose, expectEveryBadInputRejected, freshPage, mount, ssr } from './shared/test-utils.tsx';

/** The cache types llama.cpp allocates: the planner draws one curve for each. */
const LLAMA_KV = KV_CACHE_TYPES_BY_ENGINE['llama.cpp'];

beforeEach(() => freshPage());

/** Attributes that hold per-render ids (useId), which differ between two renders of the same view. */
const strip = (h: string) => h.replace(/\b(id|for|aria-labelledby|aria-describedby|name)="[^"]*"/g, '');
/** What reaches the browser: the island's props go through a serialisation on the way. */
const serialised = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('ContextPlanner', () => {
  it('server-renders a curve per cache type with the largest context that fits each', () => {
    const html = ssr(<ContextPlanner />);
    expect(html).toMatch(/Up to \d+K tokens of context with a f16 cache/);
    expect(html.match(/<path d="M[^"]*" fill="none"/g)?.length).toBe(LLAMA_KV.length);
    expect(html).toContain('Rig memory');
    for (const kv of LLAMA_KV) expect(html).toContain(`<th scope="row">${kv}</th>`);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('shows the longest fitting context shrinking for a larger model, and longer with a q4_0 cache', async () => {
    const root = await mount(<ContextPlanner />);
    await choose(byLabel(root, 'Model'), 'qwen2.5-32b');
    const rows = () => [...byTestId(root, 'context-table').querySelectorAll('tbody tr')];
    const cells = () => rows().map((r) => r.querySelectorAll('td')[1]?.textContent ?? '');
    const cellOf = (kv: string) => rows().find((r) => r.querySelector('th')?.textContent === kv)?.querySelectorAll('td')[1]?.textContent ?? '';
    const [f16, q4] = [cellOf('f16'), cellOf('q4_0')];
    const tokens = (s: string) => {
      const m = /([\d,.]+)\s*([KM]?)/.exec(s);
      return m ? Number((m[1] ?? '').replace(/,/g, '')) * (m[2] === 'K' ? 1024 : m[2] === 'M' ? 1048576 : 1) : 0;
    };
    expect(cells()).toHaveLength(LLAMA_KV.length);
    expect(tokens(q4 ?? '')).toBeGreaterThanOrEqual(tokens(f16 ?? ''));
    expect(byTestId(root, 'verdict').textContent).toMatch(/f16 cache/);
  });

  it('rejects every kind of bad context next to the field and keeps the chart', async () => {
    const root = await mount(<ContextPlanner />);
    const field = byLabel(root, 'Context per sequence');
    await expectEveryBadInputRejected(root, field, 'context-table');
  });

  it('round-trips the KV-cache type and engine through the URL', async () => {
    freshPage('?model=llama-3.1-70b&hardware=2xrtx-3090&kvCache=q8_0&context=-3');
    const root = await mount(<ContextPlanner syncUrl />);
    expect((byLabel(root, 'KV-cache type') as HTMLSelectElement).value).toBe('q8_0');
    expect(byTestId(root, 'notes').textContent).toContain('Ignored “context” in the link: must not be negative');
    await choose(byLabel(root, 'KV-cache type'), 'q4_0');
    expect(new URLSearchParams(location.search).get('kvCache')).toBe('q4_0');
  });

  it('compares the cache types the chosen engine allocates, and offers only those', async () => {
    const root = await mount(<ContextPlanner />);
    await choose(byLabel(root, 'Engine'), 'vllm');
    const kinds = () => [...byTestId(root, 'context-table').querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(kinds()).toEqual([...KV_CACHE_TYPES_BY_ENGINE.vllm]);
    const offered = () => [...(byLabel(root, 'KV-cache type') as HTMLSelectElement).options].map((o) => o.value);
    expect(offered()).toEqual([...KV_CACHE_TYPES_BY_ENGINE.vllm]);
    await choose(byLabel(root, 'Engine'), 'ollama');
    expect(offered()).toEqual([...KV_CACHE_TYPES_BY_ENGINE.ollama]);
    expect(kinds()).toEqual([...KV_CACHE_TYPES_BY_ENGINE.ollama]);
  });

  it('renders a build-time result exactly as its own engine run would, on the page and in a guide', () => {
    const initial = contextPlannerInitial();
    expect(initial?.value.curves?.length).toBe(LLAMA_KV.length);
    expect(strip(ssr(<ContextPlanner syncUrl initial={serialised(initial)} />))).toBe(strip(ssr(<ContextPlanner syncUrl />)));
    const preset = { model: 'llama-3.1-8b', hardware: 'rtx-4060' };
    expect(strip(ssr(<ContextPlanner {...preset} initial={serialised(contextPlannerInitial(preset))} />))).toBe(strip(ssr(<ContextPlanner {...preset} />)));
  });

  it('uses a build-time result only for its own view, and runs the engine once the reader changes anything', async () => {
    const initial = contextPlannerInitial()!;
    // The same view with doctored numbers: shown as they are, which proves the island reads them...
    const doctored = { key: initial.key, value: { ...initial.value, curves: initial.value.curves!.map((c) => ({ ...c, maxContext: 1024 })) } };
    expect(strip(ssr(<ContextPlanner initial={doctored} />))).not.toBe(strip(ssr(<ContextPlanner />)));
    // ...but never for another view.
    expect(strip(ssr(<ContextPlanner model="qwen2.5-32b" initial={doctored} />))).toBe(strip(ssr(<ContextPlanner model="qwen2.5-32b" />)));
    const root = await mount(<ContextPlanner initial={doctored} />);
    await choose(byLabel(root, 'Model'), 'qwen2.5-32b');
    const fresh = await mount(<ContextPlanner />);
    expect(byTestId(root, 'context-table').textContent).toBe(byTestId(fresh, 'context-table').textContent);
    expect(byTestId(root, 'verdict').textContent).toBe(byTestId(fresh, 'verdict').textContent);
  });
});
