// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JSX } from 'preact';
import WillItFit, { willItFitInitial } from './WillItFit.tsx';
import HowFast, { howFastInitial } from './HowFast.tsx';
import ContextPlanner, { contextPlannerInitial } from './ContextPlanner.tsx';
import LocalOrApi, { localOrApiInitial } from './LocalOrApi.tsx';
import QuantExplorer, { quantExplorerInitial } from './QuantExplorer.tsx';
import HardwareTiers, { hardwareTiersInitial } from './HardwareTiers.tsx';
import { freshPage, mount, ssr } from './shared/test-utils.tsx';

const ids = ['llama-3.1-8b', 'llama-3.1-70b', 'deepseek-r1', 'gpt-oss-120b', 'gemma-3-27b', 'qwen3-30b-a3b', 'nope'];
const quants = ['Q4_K_M', 'Q8_0', 'IQ1_S', 'F32', 'FP8', 'MXFP4', 'AWQ-INT4', 'bogus'];
const hw = ['rtx-4090', '2xrtx-3090', 'm4-max-40c', '8xh100-sxm', 'rtx-3060-12gb,rtx-3090', 'custom', '99xrtx-3090', '<b>'];
const anyNumber = fc.oneof(fc.integer({ min: -10, max: 20_000_000 }), fc.double(), fc.constantFrom(0, 1, 127, 8192, 131072, 1e308));
const preset = fc.record({
  model: fc.oneof(fc.constantFrom(...ids), fc.string()),
  quant: fc.oneof(fc.constantFrom(...quants), fc.string()),
  context: anyNumber,
  hardware: fc.oneof(fc.constantFrom(...hw), fc.string()),
  kvCache: fc.constantFrom('f16', 'q8_0', 'q4_0', 'fp8', 'xx'),
  engine: fc.constantFrom('llama.cpp', 'vllm', 'mlx', 'transformers', 'ollama'),
  memoryGb: anyNumber,
  ramGb: anyNumber,
}, { requiredKeys: [] });

describe('any preset or link', () => {
  it('never throws and never renders NaN or Infinity, whatever a guide passes as props', () => {
    fc.assert(fc.property(preset, (p) => {
      for (const C of [WillItFit, HowFast, ContextPlanner, LocalOrApi]) {
        const html = ssr(<C {...(p as Record<string, never>)} />);
        expect(html).not.toMatch(/NaN|Infinity/);
      }
    }), { numRuns: 25 });
  }, 120000);

  it('never throws and never renders NaN or Infinity, whatever the link carries', async () => {
    const query = fc.dictionary(fc.constantFrom('model', 'quant', 'context', 'hardware', 'kvCache', 'engine', 'memoryGb', 'ramGb', 'prompt', 'output'), fc.oneof(fc.string(), fc.constantFrom(...ids, ...quants, ...hw, '32k', '-1', '1e9', 'NaN')));
    await fc.assert(fc.asyncProperty(query, async (q) => {
      freshPage(`?${new URLSearchParams(q).toString()}`);
      const root = await mount(<HowFast syncUrl />);
      expect(root.innerHTML).not.toMatch(/NaN|Infinity/);
    }), { numRuns: 15 });
  }, 120000);

  it('renders the build-time result of any preset exactly as the island computes it itself', () => {
    const strip = (h: string) => h.replace(/\b(id|for|aria-labelledby|aria-describedby|name)="[^"]*"/g, '');
    // Each island with the helper that computes its first view at build time (props pass through a serialisation).
    const pairs: [(p: Record<string, unknown>) => JSX.Element, (p: Record<string, never>) => unknown][] = [
      [WillItFit, willItFitInitial], [HowFast, howFastInitial], [ContextPlanner, contextPlannerInitial],
      [LocalOrApi, localOrApiInitial], [QuantExplorer, quantExplorerInitial], [HardwareTiers, hardwareTiersInitial],
    ];
    fc.assert(fc.property(preset, (p) => {
      const props = p as Record<string, never>;
      for (const [C, initialOf] of pairs) {
        const initial = initialOf(props);
        const serialised: unknown = initial === undefined ? undefined : JSON.parse(JSON.stringify(initial));
        expect(strip(ssr(<C {...props} initial={serialised} />))).toBe(strip(ssr(<C {...props} />)));
      }
    }), { numRuns: 20 });
  }, 120000);
});
