// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import WillItFit, { willItFitInitial } from './WillItFit.tsx';
import { $myRig, $selection, selectionToRequest } from '../../lib/state/selection.ts';
import { estimate } from '../../lib/estimate.ts';
import { formatBytes } from '../../lib/format/index.ts';
import { byLabel, byTestId, choose, click, expectEveryBadInputRejected, freshPage, mount, ssr, type } from './shared/test-utils.tsx';

beforeEach(() => freshPage());

describe('WillItFit', () => {
  it('server-renders the default worked example with a verdict, its reason and real numbers', () => {
    const html = ssr(<WillItFit />);
    expect(html).toContain('data-testid="verdict"');
    expect(html).toMatch(/Fits, with [\d.]+ GiB to spare/);
    expect(html).toMatch(/Needs [\d.]+ GiB \(weights [\d.]+ GiB, KV cache at 8K is [\d.]+ GiB\)/);
    expect(html).toContain('aria-live="polite"');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('turns the verdict to "does not fit" when the model is changed to one far too large', async () => {
    const root = await mount(<WillItFit />);
    const before = byTestId(root, 'total').textContent;
    await choose(byLabel(root, 'Model'), 'llama-3.1-405b');
    expect(byTestId(root, 'total').textContent).not.toBe(before);
    expect(byTestId(root, 'verdict').textContent).toContain('Does not fit');
    expect(byTestId(root, 'why').textContent).toMatch(/Needs [\d,.]+ GB .*has [\d.]+ GB/);
    expect($selection.get().model).toBe('llama-3.1-405b');
    expect($myRig.get()).toMatchObject({ model: 'llama-3.1-405b' });
  });

  it('shows a message next to the context field for every kind of bad input and keeps the last valid result', async () => {
    const root = await mount(<WillItFit />);
    const field = byLabel(root, 'Context per sequence');
    await type(field, '32k');
    await expectEveryBadInputRejected(root, field, 'total', () => expect(byTestId(root, 'stale').textContent).toContain('last valid result'));
    await type(field, '8192');
    expect(root.querySelector(`[data-testid="error-${field.id}"]`)).toBeNull();
    expect(root.querySelector('[data-testid="stale"]')).toBeNull();
  });

  it('restores its state from a link, ignores hostile values with a note, and writes changes back to the URL', async () => {
    freshPage('?model=llama-3.1-70b&quant=Q4_K_M&context=8192&hardware=2xrtx-3090&engine=%3Cscript%3E');
    const root = await mount(<WillItFit syncUrl />);
    expect((byLabel(root, 'Model') as HTMLSelectElement).value).toBe('llama-3.1-70b');
    expect((byLabel(root, 'How many') as HTMLSelectElement).value).toBe('2');
    expect(byTestId(root, 'notes').textContent).toContain('Ignored “engine” in the link');
    expect(byTestId(root, 'notes').textContent).not.toContain('script');
    await type(byLabel(root, 'Context per sequence'), '16384');
    const params = new URLSearchParams(location.search);
    expect(params.get('model')).toBe('llama-3.1-70b');
    expect(params.get('hardware')).toBe('2xrtx-3090');
    expect(params.get('context')).toBe('16384');
    // The written URL restores the same view on a fresh page.
    const url = location.search;
    const verdict = byTestId(root, 'verdict').textContent;
    freshPage(url);
    const again = await mount(<WillItFit syncUrl />);
    expect(byTestId(again, 'verdict').textContent).toBe(verdict);
  });

  it('sizes several agents as the engine does, a cache each or one shared llama-server cache, and carries both in the link', async () => {
    freshPage('?model=qwen3-8b&quant=Q4_K_M&context=32768&hardware=rtx-4090&engine=llama.cpp');
    const root = await mount(<WillItFit syncUrl />);
    const kvOf = (extra: object) => formatBytes(estimate({ ...selectionToRequest($selection.get()), ...extra }).memory.kvCacheBytes, 'GB'); // the unit freshPage sets
    expect(byTestId(root, 'kv').textContent).toBe(kvOf({}));
    await type(byLabel(root, 'Sequences'), '4');
    expect(byTestId(root, 'kv').textContent).toBe(kvOf({ sequences: 4 }));
    await click(byTestId(root, `field-${byLabel(root, 'Sequences').id.replace(/-seq$/, '')}-kv-unified`));
    expect(byTestId(root, 'kv').textContent).toBe(kvOf({ sequences: 4, kvUnified: true }));
    expect(kvOf({ sequences: 4, kvUnified: true })).not.toBe(kvOf({ sequences: 4 }));
    const params = new URLSearchParams(location.search);
    expect([params.get('sequences'), params.has('kvUnified')]).toEqual(['4', true]);
    const url = location.search;
    freshPage(url);
    const again = await mount(<WillItFit syncUrl />);
    expect(byTestId(again, 'kv').textContent).toBe(kvOf({ sequences: 4, kvUnified: true }));
    // vLLM has no shared cache: the switch goes away and each sequence gets its own.
    await choose(byLabel(again, 'Engine'), 'vllm');
    expect(again.querySelector('[data-testid$="-kv-unified"]')).toBeNull();
  });

  it('shows a guide preset until the reader chooses "use my rig"', async () => {
    $myRig.set({ model: 'qwen2.5-7b', hardware: 'rtx-3090' });
    const root = await mount(<WillItFit model="llama-3.1-70b" hardware="2xrtx-3090" context={8192} />);
    expect((byLabel(root, 'Model') as HTMLSelectElement).value).toBe('llama-3.1-70b');
    expect(byTestId(root, 'preset-banner')).toBeTruthy();
    await click(byTestId(root, 'use-my-rig'));
    expect((byLabel(root, 'Model') as HTMLSelectElement).value).toBe('qwen2.5-7b');
    expect(root.querySelector('[data-testid="preset-banner"]')).toBeNull();
  });

  it('marks an impossible pairing (MLX on an NVIDIA card) next to its field and keeps the last result', async () => {
    const root = await mount(<WillItFit />);
    const good = byTestId(root, 'total').textContent;
    await choose(byLabel(root, 'Engine'), 'mlx');
    const errors = [...root.querySelectorAll('[data-testid^="error-"]')].map((e) => e.textContent ?? '');
    expect(errors.join(' ')).toMatch(/MLX runs only on Apple silicon/);
    expect(byTestId(root, 'stale')).toBeTruthy();
    expect(byTestId(root, 'total').textContent).toBe(good);
    await choose(byLabel(root, 'Device'), 'm4-max-40c');
    expect(root.querySelector('[data-testid="stale"]')).toBeNull();
    expect(byTestId(root, 'total').textContent).not.toBe(good);
  });

  it('offers only the formats the chosen engine loads, and swaps a format it does not load for the nearest one', async () => {
    const root = await mount(<WillItFit />);
    const formats = () => [...(byLabel(root, 'Weight format') as HTMLSelectElement).options].map((o) => o.value);
    expect(formats()).toContain('Q4_K_M');
    expect(formats()).not.toContain('AWQ-INT4');
    await choose(byLabel(root, 'Engine'), 'vllm');
    expect(formats()).toContain('AWQ-INT4');
    expect(formats()).not.toContain('Q4_K_M');
    expect(byLabel(root, 'Weight format').value).toBe('AWQ-INT4');
    expect(root.querySelector('[data-testid="stale"]')).toBeNull();
    await choose(byLabel(root, 'Engine'), 'ollama');
    expect(formats().every((id) => !id.startsWith('MLX-') && id !== 'AWQ-INT4')).toBe(true);
    await choose(byLabel(root, 'Device'), 'm4-max-40c');
    await choose(byLabel(root, 'Engine'), 'mlx');
    expect(formats().filter((id) => id.startsWith('MLX-')).length).toBeGreaterThan(0);
    expect(byLabel(root, 'Weight format').value).toMatch(/^MLX-/);
  });

  it('keeps a format the link names for another engine, with the engine\'s message next to the field', async () => {
    freshPage('?engine=vllm&quant=Q4_K_M');
    const root = await mount(<WillItFit syncUrl />);
    expect(byLabel(root, 'Weight format').value).toBe('Q4_K_M');
    expect(root.querySelector('[data-testid$="-quant"][data-testid^="error-"]')?.textContent).toMatch(/does not load Q4_K_M/);
    await choose(byLabel(root, 'Weight format'), 'AWQ-INT4');
    expect(root.querySelector('[data-testid^="error-"]')).toBeNull();
  });

  it('switches every size to GiB when the reader prefers it', async () => {
    const root = await mount(<WillItFit />);
    const gib = [...root.querySelectorAll('input[type="radio"]')].find((r) => (r as HTMLInputElement).value === 'GiB') as HTMLInputElement;
    await click(gib);
    expect(byTestId(root, 'total').textContent).toMatch(/GiB$/);
  });

  it('renders a build-time default estimate exactly as its own engine run would', () => {
    const initial = willItFitInitial();
    expect(initial?.result.fit?.verdict).toBeDefined();
    const strip = (h: string) => h.replace(/\b(id|for|aria-labelledby|aria-describedby|name)="[^"]*"/g, '');
    expect(strip(ssr(<WillItFit syncUrl initial={initial} />))).toBe(strip(ssr(<WillItFit syncUrl />)));
  });

  it('ignores a build-time estimate of another request', () => {
    const initial = willItFitInitial()!;
    const other = { key: initial.key, result: { ...initial.result, memory: { ...initial.result.memory, totalBytes: 1 } } };
    const strip = (h: string) => h.replace(/\b(id|for|aria-labelledby|aria-describedby|name)="[^"]*"/g, '');
    expect(strip(ssr(<WillItFit syncUrl initial={other} />))).not.toBe(strip(ssr(<WillItFit syncUrl />)));
    expect(strip(ssr(<WillItFit model="llama-3.1-70b" initial={other} />))).toBe(strip(ssr(<WillItFit model="llama-3.1-70b" />)));
  });
});
