import { describe, expect, it } from 'vitest';
import type { EstimateResult } from '../sizing/types.ts';
import { accuracyKindOf, predictionFor, requestFor } from './requests.ts';
import type { MeasurementRow } from './types.ts';

function row(over: Omit<Partial<MeasurementRow>, 'settings'> & { settings?: Partial<MeasurementRow['settings']> }): MeasurementRow {
  const { settings, ...rest } = over;
  return {
    id: 'r', kind: 'decode', split: 'test', group: 'g', scored: true,
    source: { url: 'https://github.com/a/b/blob/0123456789012345678901234567890123456789/README.md#L1', date: '2024-05', what: 'w' },
    measured: { value: 100, unit: 'tokens/s', reported: '100' },
    ...rest,
    settings: {
      model: 'llama-3-8b', modelLabel: 'x', quant: 'Q4_K_M', engine: 'llama.cpp', engineVersion: 'b1', backend: 'cuda',
      hardware: 'rtx-4090', hardwareLabel: '4090', devices: 1, splitMode: 'none', ngl: 99, context: 4096, prompt: 0,
      output: 4096, depth: 0, flashAttention: false, ubatch: 512, kvCache: 'f16', ...settings,
    },
  };
}

const result = (over: Partial<EstimateResult> = {}): EstimateResult => ({
  schemaVersion: 1, warnings: [],
  model: { id: 'm', name: 'm', totalParams: 1, activeParams: 1, maxContext: 8192, source: 'catalog' },
  quant: { id: 'Q4_K_M', bitsPerWeight: 4.8 },
  settings: { context: 4096, prompt: 1, output: 1, depth: 0, sequences: 1, kvUnified: false, ubatch: 512, kvCache: 'f16', engine: 'llama.cpp', split: 'layer', backend: null },
  memory: { weightsBytes: 5, kvCacheBytes: 7, kvBytesPerToken: 1, overheadBytes: 0, totalBytes: 12, hostBytes: 0, stateBytes: 0 },
  hardware: null,
  fit: { verdict: 'offload', fits: false, offloadedLayers: 1, offloadedBytes: 1, headroomBytes: -1, maxContext: 0, bestQuant: null, offloadMode: 'layers' },
  speed: { decodeTokensPerSec: 90, decodeRange: [80, 100], prefillTokensPerSec: 900, prefillRange: [800, 1000], timeToFirstTokenSec: 1, aggregateDecodeTokensPerSec: 90 },
  ...over,
});

describe('requests for measurement rows', () => {
  it('asks for tg N from depth with a one-token prompt so the context is not inflated', () => {
    const r = requestFor(row({ settings: { depth: 4096, output: 32, context: 4128 } }));
    expect(r).toMatchObject({ model: 'llama-3-8b', quant: 'Q4_K_M', hardware: 'rtx-4090', prompt: 1, output: 32, depth: 4096, context: 4128 });
    expect(r.split).toBeUndefined();
  });
  it('asks for pp N with one output token and a layer split on several devices', () => {
    const r = requestFor(row({ kind: 'prefill', settings: { prompt: 2048, hardware: '2xrtx-3090', devices: 2, splitMode: 'layer' } }));
    expect(r).toMatchObject({ prompt: 2048, output: 1, split: 'layer', hardware: '2xrtx-3090' });
  });
  it('passes flash attention as the run had it, and leaves it to the engine default when the source does not say', () => {
    expect(requestFor(row({ kind: 'prefill', settings: { flashAttention: true } })).flashAttention).toBe(true);
    expect(requestFor(row({ kind: 'prefill', settings: { flashAttention: false } })).flashAttention).toBe(false);
    expect('flashAttention' in requestFor(row({ kind: 'prefill', settings: { flashAttention: null } }))).toBe(false);
  });
  it('passes the installed memory of a unified-memory machine', () => {
    expect(requestFor(row({ settings: { hardware: 'm1-max-32c', memoryGb: 64 } })).memoryGb).toBe(64);
  });
  it('expands a raw architecture into the engine fields', () => {
    const r = requestFor(row({ kind: 'kv-cache', settings: { model: 'raw:layers=4,hidden=384,heads=12,kvHeads=12,headDim=32' } }));
    expect(r).toMatchObject({ layers: 4, hidden: 384, heads: 12, kvHeads: 12, headDim: 32 });
    expect(r.model).toBeUndefined();
  });
  it('reads the measured quantity of each kind and treats offload as not fitting a GPU-only run', () => {
    expect(predictionFor(row({ kind: 'weights' }), result())?.value).toBe(5);
    expect(predictionFor(row({ kind: 'kv-cache' }), result())?.value).toBe(7);
    expect(predictionFor(row({ kind: 'decode' }), result())).toEqual({ value: 90, range: [80, 100] });
    expect(predictionFor(row({ kind: 'prefill' }), result())?.value).toBe(900);
    expect(predictionFor(row({ kind: 'fit' }), result())?.value).toBe('no-fit');
    expect(predictionFor(row({ kind: 'decode' }), result({ speed: null }))).toBeNull();
  });
  it('asks for the whole request when a decode rate includes its prompt, and divides the output by the prefill and the decode together', () => {
    const timed = row({ settings: { depth: 30720, output: 2048, context: 32768, includesPrefill: true } });
    expect(requestFor(timed)).toMatchObject({ prompt: 30720, depth: 0, output: 2048 });
    // 2048 tokens at 90 t/s after a 1 s prefill: 2048 / (1 + 2048 / 90) t/s, with decode's spread.
    const p = predictionFor(timed, result());
    const value = 2048 / (1 + 2048 / 90);
    expect(p?.value).toBeCloseTo(value, 9);
    expect(p?.range?.[0]).toBeCloseTo((value * 80) / 90, 9);
    expect(p?.range?.[1]).toBeCloseTo((value * 100) / 90, 9);
  });
  it('counts the prompt in the rate when the row says its benchmark does: (30720 + 2048) / (1 + 2048 / 90)', () => {
    const both = row({ settings: { depth: 30720, output: 2048, context: 32768, includesPrefill: true, countsPrompt: true } });
    expect(predictionFor(both, result())?.value).toBeCloseTo((30720 + 2048) / (1 + 2048 / 90), 9);
  });
  it('splits decode rows into one device and several', () => {
    expect(accuracyKindOf(row({}))).toBe('decode-single');
    expect(accuracyKindOf(row({ settings: { devices: 4 } }))).toBe('decode-multi');
  });
});
