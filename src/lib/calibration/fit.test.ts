import { describe, expect, it } from 'vitest';
import type { EstimateResult } from '../sizing/types.ts';
import type { EstimateRequest } from '../request.ts';
import { belongsToPart, fitCalibration, fitOutOfFoldSpreads, kindOfName, outOfFoldError, withKindOf, withPartsOf } from './fit.ts';
import { fitted } from './fitted.ts';
import type { CalibrationValues } from '../sizing/calibration.ts';
import type { MeasurementRow } from './types.ts';

const GB = 1e9;
/** A toy engine: decode = eff x 1000 GB/s / size, prefill = eff x 100 TFLOP/s / 2P, one hop cost per extra device. */
function toyEngine(cal: CalibrationValues) {
  return (req: EstimateRequest): EstimateResult => {
    const size = req.quant === 'F16' ? 16 * GB : 5 * GB;
    const fam = req.quant === 'F16' ? 'float' : 'gguf-k';
    const e = cal.backends.cuda;
    const n = req.hardware?.startsWith('2x') ? 2 : 1;
    const step = size / (1000 * GB * (e.decodeBandwidth[fam] ?? e.decodeBandwidth.default)) + (n - 1) * cal.layerSplitHopSec;
    const decode = 1 / step;
    const prefill = (e.prefillCompute * 100e12) / (2 * 8e9);
    return {
      schemaVersion: 1, warnings: [], model: { id: 'm', name: 'm', totalParams: 8e9, activeParams: 8e9, maxContext: 8192, source: 'catalog' },
      quant: { id: req.quant ?? 'F16', bitsPerWeight: 5 }, settings: { context: 1, prompt: 1, output: 1, depth: 0, sequences: 1, kvUnified: false, ubatch: 512, kvCache: 'f16', engine: 'llama.cpp', split: 'layer', backend: null },
      memory: { weightsBytes: size, kvCacheBytes: 0, kvBytesPerToken: 0, overheadBytes: 0, totalBytes: size, hostBytes: 0, stateBytes: 0 }, hardware: null,
      fit: { verdict: 'fits', fits: true, offloadedLayers: 0, offloadedBytes: 0, headroomBytes: 1, maxContext: 1, bestQuant: null, offloadMode: null },
      speed: { decodeTokensPerSec: decode, decodeRange: [decode, decode], prefillTokensPerSec: prefill, prefillRange: [prefill, prefill], timeToFirstTokenSec: 0, aggregateDecodeTokensPerSec: decode },
    };
  };
}

function row(id: string, kind: 'decode' | 'prefill', quant: string, value: number, split: 'fit' | 'test', hardware = 'rtx-a6000'): MeasurementRow {
  return {
    id, kind, split, group: id, scored: true, source: { url: 'u', date: '2024', what: 'w' },
    measured: { value, unit: 'tokens/s', reported: String(value) },
    settings: { model: 'm', modelLabel: 'm', quant, engine: 'llama.cpp', engineVersion: 'v', backend: 'cuda', hardware, hardwareLabel: 'h',
      devices: hardware.startsWith('2x') ? 2 : 1, splitMode: hardware.startsWith('2x') ? 'layer' : 'none', ngl: 99, context: 512, prompt: 512, output: 128,
      depth: 0, flashAttention: false, ubatch: 512, kvCache: 'f16' },
  };
}

describe('fitting the shared parameters', () => {
  it('returns a new calibration and leaves the one it started from as it was', () => {
    const start = structuredClone(fitted);
    const before = JSON.stringify(start);
    const rows = [0, 1, 2, 3].map((i) => row(`k${i}`, 'decode', 'Q4_K_M', (1000 * 0.5) / 5, 'fit'));
    const { calibration } = fitCalibration(rows, start, toyEngine);
    expect(JSON.stringify(start)).toBe(before);
    expect(calibration.backends.cuda.decodeBandwidth['gguf-k']).toBeCloseTo(0.5, 3);
    expect(calibration).not.toBe(start);
  });

  it('recovers per-family decode efficiencies, the prefill efficiency and the hop cost of a toy engine from fit rows only', () => {
    const truth = { f16: 0.85, k: 0.62, pre: 0.4, hop: 0.0004 };
    const rows: MeasurementRow[] = [];
    for (let i = 0; i < 4; i++) {
      rows.push(row(`f${i}`, 'decode', 'F16', (1000 * truth.f16) / 16 * (1 + (i - 1.5) * 0.01), 'fit'));
      rows.push(row(`k${i}`, 'decode', 'Q4_K_M', (1000 * truth.k) / 5 * (1 + (i - 1.5) * 0.01), 'fit'));
      rows.push(row(`p${i}`, 'prefill', 'F16', (truth.pre * 100e12) / 16e9, 'fit'));
      rows.push(row(`m${i}`, 'decode', 'Q4_K_M', 1 / (5 / (1000 * truth.k) + truth.hop), 'fit', '2xrtx-a6000'));
    }
    // A test row that would pull the fit far off if it were (wrongly) used.
    rows.push(row('t0', 'decode', 'F16', 1, 'test'));
    const { calibration: cal, summary } = fitCalibration(rows, fitted, toyEngine);
    expect(cal.backends.cuda.decodeBandwidth.float).toBeCloseTo(truth.f16, 2);
    expect(cal.backends.cuda.decodeBandwidth['gguf-k']).toBeCloseTo(truth.k, 2);
    expect(cal.backends.cuda.prefillCompute).toBeCloseTo(truth.pre, 3);
    expect(cal.layerSplitHopSec).toBeCloseTo(truth.hop, 5);
    expect(summary.rowsUsed).toBe(16);
    expect(summary.unfitted.some((u) => u.startsWith('tensorParallelScaling'))).toBe(true);
  });

  it('gives a weight family no decode efficiency of its own from one device of several, nor keeps one an earlier fit left', () => {
    const rows: MeasurementRow[] = [];
    for (let i = 0; i < 4; i++) {
      rows.push(row(`fa${i}`, 'decode', 'F16', (1000 * 0.8) / 16, 'fit', 'rtx-a6000'));
      rows.push(row(`fb${i}`, 'decode', 'F16', (1000 * 0.8) / 16, 'fit', 'rtx-3090'));
      // k-quant rows from the A6000 alone: that card's, not the family's.
      rows.push(row(`k${i}`, 'decode', 'Q4_K_M', (1000 * 0.5) / 5, 'fit', 'rtx-a6000'));
    }
    const start = structuredClone(fitted);
    start.backends.cuda.decodeBandwidth['gguf-legacy'] = 0.3;
    const { calibration: cal } = fitCalibration(rows, start, toyEngine);
    expect(cal.backends.cuda.decodeBandwidth['gguf-k']).toBeUndefined();
    expect(cal.backends.cuda.decodeBandwidth['gguf-legacy']).toBeUndefined();
    expect(cal.backends.cuda.decodeBandwidth.float).toBeCloseTo(0.8, 2);
  });

  it('starts from the generation values it is given and clears those its rows no longer tell, per-layer costs included', () => {
    const rows: MeasurementRow[] = [];
    for (let i = 0; i < 4; i++) {
      rows.push(row(`a${i}`, 'decode', 'Q4_K_M', (1000 * 0.5) / 5, 'fit', 'rtx-a6000'));
      rows.push(row(`b${i}`, 'decode', 'Q4_K_M', (1000 * 0.5) / 5, 'fit', 'rtx-3090'));
    }
    const start = structuredClone(fitted);
    // CUDA rows of one generation (Ampere) tell no generation factor; ROCm has no rows at all.
    start.backends.cuda.generation = { ada: { decode: 2, prefill: 2, layerOverheadSec: 1e-3, moeLayerOverheadSec: 1e-3 } };
    start.backends.rocm.generation = { rdna4: { decode: 2, layerOverheadSec: 1e-3 } };
    start.backends.rocm.kernels2024 = { layerOverheadSec: 1e-3 };
    const { calibration: cal } = fitCalibration(rows, start, toyEngine);
    expect(cal.backends.cuda.generation?.ada?.decode).toBeUndefined();
    expect(cal.backends.cuda.generation?.ada?.layerOverheadSec).toBeUndefined();
    expect(cal.backends.cuda.generation?.ada?.moeLayerOverheadSec).toBeUndefined();
    expect(cal.backends.rocm.generation?.rdna4).toBeUndefined();
    expect(cal.backends.rocm.kernels2024).toBeUndefined();
  });

  it('keeps the generation its efficiency stood for as the base when rows of another come to outnumber it', () => {
    // Ampere reads at 0.8 of its bandwidth, Hopper at half that; the start says so with a Hopper factor.
    const engine = (cal: CalibrationValues) => (req: EstimateRequest): EstimateResult => {
      const r = toyEngine(cal)(req);
      const e = cal.backends.cuda;
      const gen = req.hardware === 'h100-pcie' ? (e.generation?.hopper?.decode ?? 1) : (e.generation?.ampere?.decode ?? 1);
      const decode = (1000 * (e.decodeBandwidth['gguf-k'] ?? e.decodeBandwidth.default) * gen) / 5;
      return { ...r, speed: { ...r.speed!, decodeTokensPerSec: decode, decodeRange: [decode, decode] } };
    };
    const rows: MeasurementRow[] = [];
    for (let i = 0; i < 4; i++) rows.push(row(`a${i}`, 'decode', 'Q4_K_M', (1000 * 0.8) / 5, 'fit', 'rtx-a6000'));
    for (let i = 0; i < 8; i++) rows.push(row(`h${i}`, 'decode', 'Q4_K_M', (1000 * 0.4) / 5, 'fit', 'h100-pcie'));
    const start = structuredClone(fitted);
    start.backends.cuda.decodeBandwidth = { default: 0.8 };
    start.backends.cuda.generation = { hopper: { decode: 0.5 } };
    const cuda = fitCalibration(rows, start, engine).calibration.backends.cuda;
    expect(cuda.generation?.ampere).toBeUndefined();
    expect(cuda.generation?.hopper?.decode).toBeCloseTo(0.5, 2);
    expect(cuda.decodeBandwidth['gguf-k'] ?? cuda.decodeBandwidth.default).toBeCloseTo(0.8, 2);
  });

  it("takes the base generation from the vendor with the most rows, so a few rows of another vendor's cards get a factor", () => {
    // Under a backend that runs on several vendors: five Ampere rows outnumber four RDNA 4 rows, but AMD has seven.
    const factorOf = (cal: CalibrationValues, hw: string) => {
      const g = cal.backends.cuda.generation;
      return hw === 'rtx-3090' ? (g?.ampere?.decode ?? 1) : hw === 'ryzen-ai-max-395' ? (g?.['rdna3.5']?.decode ?? 1) : (g?.rdna4?.decode ?? 1);
    };
    const engine = (cal: CalibrationValues) => (req: EstimateRequest): EstimateResult => {
      const r = toyEngine(cal)(req);
      const decode = (1000 * (cal.backends.cuda.decodeBandwidth['gguf-k'] ?? cal.backends.cuda.decodeBandwidth.default) * factorOf(cal, req.hardware ?? '')) / 5;
      return { ...r, speed: { ...r.speed!, decodeTokensPerSec: decode, decodeRange: [decode, decode] } };
    };
    const rows: MeasurementRow[] = [];
    for (let i = 0; i < 5; i++) rows.push(row(`n${i}`, 'decode', 'Q4_K_M', (1000 * 0.8) / 5, 'fit', 'rtx-3090'));
    for (let i = 0; i < 4; i++) rows.push(row(`r${i}`, 'decode', 'Q4_K_M', (1000 * 0.4) / 5, 'fit', 'radeon-ai-pro-r9700'));
    for (let i = 0; i < 3; i++) rows.push(row(`s${i}`, 'decode', 'Q4_K_M', (1000 * 0.3) / 5, 'fit', 'ryzen-ai-max-395'));
    const start = structuredClone(fitted);
    start.backends.cuda.decodeBandwidth = { default: 0.5 };
    delete start.backends.cuda.generation;
    const cuda = fitCalibration(rows, start, engine).calibration.backends.cuda;
    expect(cuda.generation?.rdna4?.decode).toBeUndefined();
    expect(cuda.decodeBandwidth['gguf-k'] ?? cuda.decodeBandwidth.default).toBeCloseTo(0.4, 2);
    expect(cuda.generation?.ampere?.decode).toBeCloseTo(2, 2);
    expect(cuda.generation?.['rdna3.5']?.decode).toBeCloseTo(0.75, 2);
  });

  it('gives a weight family no decode efficiency of its own from one model of several', () => {
    const rows: MeasurementRow[] = [];
    const of = (r: MeasurementRow, model: string): MeasurementRow => ({ ...r, settings: { ...r.settings, model } });
    for (let i = 0; i < 4; i++) {
      rows.push(of(row(`fa${i}`, 'decode', 'F16', (1000 * 0.8) / 16, 'fit', i % 2 ? 'rtx-a6000' : 'rtx-3090'), 'm'));
      rows.push(of(row(`fb${i}`, 'decode', 'F16', (1000 * 0.8) / 16, 'fit', i % 2 ? 'rtx-a6000' : 'rtx-3090'), 'mid'));
      // k-quant rows of one model on both cards: that model's, not the family's.
      rows.push(of(row(`k${i}`, 'decode', 'Q4_K_M', (1000 * 0.5) / 5, 'fit', i % 2 ? 'rtx-a6000' : 'rtx-3090'), 'm'));
    }
    const { calibration: cal } = fitCalibration(rows, fitted, toyEngine);
    expect(cal.backends.cuda.decodeBandwidth['gguf-k']).toBeUndefined();
    expect(cal.backends.cuda.decodeBandwidth.float).toBeCloseTo(0.8, 2);
  });

  it("takes some parts of the calibration from another and keeps every other part's, changing neither argument", () => {
    const target = structuredClone(fitted);
    const source = structuredClone(fitted);
    source.backends.rocm.prefillCompute = 0.123;
    source.backends.cuda.prefillCompute = 0.456;
    (source.runtimes ??= {}).transformers = { ...source.runtimes.transformers!, decodeHostLayerSec: 7e-4 };
    source.layerSplitHopSec = 0.0123;
    const before = JSON.stringify([target, source]);
    const rocm = withPartsOf(target, source, ['rocm']);
    expect(rocm.backends.rocm.prefillCompute).toBe(0.123);
    expect(rocm.backends.cuda.prefillCompute).toBe(target.backends.cuda.prefillCompute);
    expect(rocm.runtimes?.transformers).toEqual(target.runtimes?.transformers);
    expect(rocm.layerSplitHopSec).toBe(target.layerSplitHopSec);
    const two = withPartsOf(target, source, ['transformers', 'multi-device']);
    expect(two.runtimes?.transformers?.decodeHostLayerSec).toBe(7e-4);
    expect(two.layerSplitHopSec).toBe(0.0123);
    expect(two.backends.cuda.prefillCompute).toBe(target.backends.cuda.prefillCompute);
    expect(belongsToPart('tensorParallelAllReduceSec.nvlink', 'multi-device')).toBe(true);
    expect(belongsToPart('cuda.decodeLayerOverheadSec', 'multi-device')).toBe(false);
    expect(belongsToPart('vllm.generation.hopper.decode', 'vllm')).toBe(true);
    expect(JSON.stringify([target, source])).toBe(before);
  });

  it("takes one speed's values of a part from another calibration, generations included, and keeps the other speed's", () => {
    const target = structuredClone(fitted);
    const source = structuredClone(fitted);
    target.backends.vulkan.decodeBandwidth = { default: 0.7 };
    target.backends.vulkan.generation = { 'rdna3.5': { decode: 1.1, prefill: 1.2, layerOverheadSec: 1e-5 } };
    source.backends.vulkan.decodeBandwidth = { default: 0.5, 'gguf-legacy': 0.8 };
    source.backends.vulkan.prefillCompute = 0.135;
    source.backends.vulkan.prefillFp16AccBoost = 2;
    source.backends.vulkan.generation = { 'rdna3.5': { decode: 1.5, prefill: 1.07 }, ampere: { decode: 0.66, prefill: 1.56 } };
    source.backends.cuda.prefillCompute = 0.456;
    const before = JSON.stringify([target, source]);
    const prefill = withKindOf(target, source, ['vulkan'], 'prefill').backends;
    expect(prefill.vulkan.prefillCompute).toBe(0.135);
    expect(prefill.vulkan.prefillFp16AccBoost).toBe(2);
    expect(prefill.vulkan.decodeBandwidth).toEqual({ default: 0.7 });
    expect(prefill.vulkan.generation).toEqual({ 'rdna3.5': { decode: 1.1, prefill: 1.07, layerOverheadSec: 1e-5 }, ampere: { prefill: 1.56 } });
    expect(prefill.cuda.prefillCompute).toBe(target.backends.cuda.prefillCompute);
    const decode = withKindOf(target, source, ['vulkan'], 'decode').backends.vulkan;
    expect(decode.decodeBandwidth).toEqual({ default: 0.5, 'gguf-legacy': 0.8 });
    expect(decode.prefillCompute).toBe(target.backends.vulkan.prefillCompute);
    expect(decode.generation).toEqual({ 'rdna3.5': { decode: 1.5, prefill: 1.2 }, ampere: { decode: 0.66 } });
    expect(() => withKindOf(target, source, ['multi-device'], 'decode')).toThrow(/shared/);
    expect(JSON.stringify([target, source])).toBe(before);
  });

  it('tells which speed a fitted parameter or an unfitted note is for from its name', () => {
    expect(kindOfName('vulkan.prefillFamilyFactor.gguf-legacy')).toBe('prefill');
    expect(kindOfName('vulkan.decodeBandwidth.microscaling')).toBe('decode');
    expect(kindOfName('cuda.kernels2024.layerOverheadSec')).toBe('decode');
    expect(kindOfName('vulkan.generation.ampere.prefill')).toBe('prefill');
    expect(kindOfName('vulkan.generation.rdna4.layerOverheadSec (2 fit rows)')).toBe('decode');
    expect(kindOfName('rocm.prefillAttentionFactor (2 fit rows)')).toBe('prefill');
    expect(kindOfName('sycl prefill (3 fit rows)')).toBe('prefill');
    expect(kindOfName('cpu decode (0 fit rows)')).toBe('decode');
  });
});

/**
 * A toy engine that reads the optional parameters: a per-layer decode cost and the prefill
 * peak exponent (effective = prefillCompute x 100 TFLOP/s x (peak / 100 TFLOP/s)^exponent).
 * Model 'mid' is 3x the bytes of 'm' with 48 layers, 'big' 8.75x with 80 (m: 32); h100-pcie has a
 * 756 TFLOP/s peak, the A6000 155.
 */
function toyEngine2(cal: CalibrationValues, readsOptional: boolean) {
  const base = toyEngine(cal);
  return (req: EstimateRequest): EstimateResult => {
    const r = base(req);
    const e = cal.backends.cuda;
    const shape = TOY_MODELS[req.model ?? 'm'] ?? TOY_MODELS.m!;
    const size = (req.quant === 'F16' ? 16 * GB : 5 * GB) * shape.scale;
    const fam = req.quant === 'F16' ? 'float' : 'gguf-k';
    const layers = shape.layers;
    const overhead = readsOptional ? (e.decodeLayerOverheadSec ?? 0) * layers : 0;
    const decode = 1 / (size / (1000 * GB * (e.decodeBandwidth[fam] ?? e.decodeBandwidth.default)) + overhead);
    const peak = TOY_PEAKS[req.hardware ?? ''] ?? 155e12;
    const exponent = readsOptional ? (e.prefillPeakExponent ?? 1) : 1;
    const prefill = (e.prefillCompute * 1e14 * Math.pow(peak / 1e14, exponent)) / (2 * 8e9 * shape.scale);
    const speed = r.speed!;
    return { ...r, speed: { ...speed, decodeTokensPerSec: decode, decodeRange: [decode, decode], prefillTokensPerSec: prefill, prefillRange: [prefill, prefill] } };
  };
}

/** The toy engine's models: bytes relative to 'm' and layer count. */
const TOY_MODELS: Record<string, { scale: number; layers: number }> = { m: { scale: 1, layers: 32 }, mid: { scale: 3, layers: 48 }, big: { scale: 8.75, layers: 80 } };

/** Peak FP16 FLOP/s the toy engine gives each device. */
const TOY_PEAKS: Record<string, number> = { 'rtx-a4000': 76e12, 'rtx-a6000': 155e12, l40s: 362e12, 'h100-pcie': 756e12 };

describe('fitting the optional engine parameters', () => {
  const truth = { f16: 0.9, k: 0.9, overhead: 80e-6, pre: 0.5, exponent: 0.6 };
  function rowsFor(models = ['m', 'mid', 'big']): MeasurementRow[] {
    const rows: MeasurementRow[] = [];
    for (let i = 0; i < 4; i++) {
      for (const model of models) {
        const { layers, scale: k } = TOY_MODELS[model]!;
        const f = row(`f${i}${model}`, 'decode', 'F16', 1 / ((16 * k) / (1000 * truth.f16) + truth.overhead * layers), 'fit');
        const q = row(`k${i}${model}`, 'decode', 'Q4_K_M', 1 / ((5 * k) / (1000 * truth.k) + truth.overhead * layers), 'fit');
        f.settings.model = model; q.settings.model = model;
        rows.push(f, q);
      }
      // Four devices of different peaks: the exponent is fitted only where peaks vary enough to show it.
      for (const hw of Object.keys(TOY_PEAKS)) {
        const peak = TOY_PEAKS[hw]!;
        rows.push(row(`p${i}${hw}`, 'prefill', 'F16', (truth.pre * 1e14 * Math.pow(peak / 1e14, truth.exponent)) / 16e9, 'fit', hw));
      }
    }
    return rows;
  }

  it('recovers the per-layer decode cost and the prefill peak exponent when the engine reads them', () => {
    const start = structuredClone(fitted);
    delete start.backends.cuda.decodeLayerOverheadSec;
    delete start.backends.cuda.prefillPeakExponent;
    const { calibration: cal } = fitCalibration(rowsFor(), start, (c) => toyEngine2(c, true));
    expect(cal.backends.cuda.decodeLayerOverheadSec).toBeCloseTo(truth.overhead, 7);
    expect(cal.backends.cuda.decodeBandwidth.float).toBeCloseTo(truth.f16, 2);
    expect(cal.backends.cuda.prefillPeakExponent).toBeCloseTo(truth.exponent, 5);
    expect(cal.backends.cuda.prefillCompute).toBeCloseTo(truth.pre, 2);
  });

  it('does not fit a per-layer decode cost from rows of only two models, says so, and keeps no earlier value', () => {
    const start = structuredClone(fitted);
    start.backends.cuda.decodeLayerOverheadSec = 30e-6;
    const { calibration: cal, summary } = fitCalibration(rowsFor(['m', 'big']), start, (c) => toyEngine2(c, true));
    // With no generation costs of its own to take the median of, the backend has none.
    expect(Object.values(cal.backends.cuda.generation ?? {}).every((g) => g.layerOverheadSec === undefined)).toBe(true);
    expect(cal.backends.cuda.decodeLayerOverheadSec).toBeUndefined();
    expect(summary.unfitted).toContain('cuda.decodeLayerOverheadSec (rows of 2 models)');
  });

  it('leaves a parameter at its neutral value and says so when the engine ignores it', () => {
    const start = structuredClone(fitted);
    delete start.backends.cuda.decodeLayerOverheadSec;
    delete start.backends.cuda.prefillPeakExponent;
    const { calibration: cal, summary } = fitCalibration(rowsFor(), start, (c) => toyEngine2(c, false));
    expect(cal.backends.cuda.decodeLayerOverheadSec ?? 0).toBe(0);
    expect(cal.backends.cuda.prefillPeakExponent ?? 1).toBe(1);
    expect(summary.unfitted).toContain('cuda.decodeLayerOverheadSec (the engine does not read it)');
    expect(summary.unfitted).toContain('cuda.prefillPeakExponent (the engine does not read it)');
  });
});

/** The toy engine's MoE models (catalogued ids, so the fit knows them as MoE): bytes relative to 'm' and MoE layers. */
const TOY_MOE: Record<string, { scale: number; layers: number }> = { 'gpt-oss-20b': { scale: 0.4, layers: 24 }, 'gpt-oss-120b': { scale: 0.6, layers: 36 }, 'qwen3-30b-a3b': { scale: 0.6, layers: 48 } };

describe('fitting the cost of MoE layers', () => {
  const truth = { k: 0.8, layerSec: 30e-6, moeLayerSec: 60e-6 };
  /** Decode = 1 / (bytes / (eff x 1000 GB/s) + layers x layerSec + MoE layers x moeLayerSec). */
  const engine = (cal: CalibrationValues) => {
    const base = toyEngine(cal);
    return (req: EstimateRequest): EstimateResult => {
      const r = base(req);
      const e = cal.backends.cuda;
      const moe = TOY_MOE[req.model ?? ''];
      const shape = moe ?? TOY_MODELS[req.model ?? 'm'] ?? TOY_MODELS.m!;
      const step = (5 * GB * shape.scale) / (1000 * GB * (e.decodeBandwidth['gguf-k'] ?? e.decodeBandwidth.default))
        + shape.layers * (e.decodeLayerOverheadSec ?? 0) + (moe ? moe.layers * (e.decodeMoeLayerOverheadSec ?? 0) : 0);
      return { ...r, speed: { ...r.speed!, decodeTokensPerSec: 1 / step, decodeRange: [1 / step, 1 / step] } };
    };
  };
  it('fits the per-layer cost on dense rows and the extra cost of a MoE layer on MoE rows', () => {
    const rows: MeasurementRow[] = [];
    for (let i = 0; i < 3; i++) {
      for (const [model, shape] of [...Object.entries(TOY_MODELS), ...Object.entries(TOY_MOE)]) {
        const moe = model in TOY_MOE;
        const t = (5 * shape.scale) / (1000 * truth.k) + shape.layers * (truth.layerSec + (moe ? truth.moeLayerSec : 0));
        const r = row(`${model}-${i}`, 'decode', 'Q4_K_M', 1 / t, 'fit');
        r.settings.model = model;
        r.source.date = '2025-06';
        rows.push(r);
      }
    }
    const start = structuredClone(fitted);
    delete start.backends.cuda.decodeLayerOverheadSec;
    delete start.backends.cuda.decodeMoeLayerOverheadSec;
    const { calibration: cal } = fitCalibration(rows, start, engine, 8);
    expect(cal.backends.cuda.decodeLayerOverheadSec).toBeCloseTo(truth.layerSec, 7);
    expect(cal.backends.cuda.decodeMoeLayerOverheadSec).toBeCloseTo(truth.moeLayerSec, 7);
    expect(cal.backends.cuda.decodeBandwidth['gguf-k']).toBeCloseTo(truth.k, 2);
  });
});

/** A toy engine whose prefill reads the per-family factor: prefill = eff x factor[family] x 100 TFLOP/s / 16 GFLOP. */
function toyEngine3(cal: CalibrationValues) {
  const base = toyEngine(cal);
  return (req: EstimateRequest): EstimateResult => {
    const r = base(req);
    const e = cal.backends.cuda;
    const fam = req.quant === 'F16' ? 'float' : req.quant === 'Q8_0' ? 'gguf-legacy' : 'gguf-k';
    const prefill = (e.prefillCompute * (e.prefillFamilyFactor?.[fam] ?? 1) * 100e12) / 16e9;
    return { ...r, speed: { ...r.speed!, prefillTokensPerSec: prefill, prefillRange: [prefill, prefill] } };
  };
}

describe('fitting the prefill family factors jointly with prefillCompute', () => {
  it('recovers the family ratios, folding the most common family into prefillCompute', () => {
    const start = structuredClone(fitted);
    start.backends.cuda.prefillFamilyFactor = {};
    const truth = { k: 0.3, float: 0.39, legacy: 0.33 };
    const rows: MeasurementRow[] = [];
    for (let i = 0; i < 6; i++) rows.push(row(`k${i}`, 'prefill', 'Q4_K_M', (truth.k * 100e12) / 16e9, 'fit'));
    for (let i = 0; i < 5; i++) rows.push(row(`f${i}`, 'prefill', 'F16', (truth.float * 100e12) / 16e9, 'fit'));
    for (let i = 0; i < 5; i++) rows.push(row(`l${i}`, 'prefill', 'Q8_0', (truth.legacy * 100e12) / 16e9, 'fit'));
    const e = fitCalibration(rows, start, toyEngine3).calibration.backends.cuda;
    expect(e.prefillCompute).toBeCloseTo(truth.k, 4);
    expect(e.prefillFamilyFactor?.['gguf-k']).toBeUndefined();
    expect(e.prefillFamilyFactor?.float).toBeCloseTo(truth.float / truth.k, 4);
    expect(e.prefillFamilyFactor?.['gguf-legacy']).toBeCloseTo(truth.legacy / truth.k, 4);
  });

  it("tells the family factors from the main vendor's rows alone, so another vendor's faster kernels set its generation's factor instead", () => {
    // Under one backend, an AMD card runs Q8_0 at 1.1 times its k-quant rate, and an NVIDIA card runs Q8_0 four times faster still.
    const engine = (cal: CalibrationValues) => (req: EstimateRequest): EstimateResult => {
      const r = toyEngine3(cal)(req);
      const gen = req.hardware === 'rtx-3090' ? (cal.backends.cuda.generation?.ampere?.prefill ?? 1) : 1;
      const prefill = r.speed!.prefillTokensPerSec * gen;
      return { ...r, speed: { ...r.speed!, prefillTokensPerSec: prefill, prefillRange: [prefill, prefill] } };
    };
    const start = structuredClone(fitted);
    start.backends.cuda.prefillFamilyFactor = {};
    delete start.backends.cuda.generation;
    const rows: MeasurementRow[] = [];
    for (let i = 0; i < 6; i++) rows.push(row(`k${i}`, 'prefill', 'Q4_K_M', (0.3 * 100e12) / 16e9, 'fit', 'radeon-ai-pro-r9700'));
    for (let i = 0; i < 5; i++) rows.push(row(`l${i}`, 'prefill', 'Q8_0', (0.33 * 100e12) / 16e9, 'fit', 'radeon-ai-pro-r9700'));
    for (let i = 0; i < 8; i++) rows.push(row(`n${i}`, 'prefill', 'Q8_0', (4 * 0.33 * 100e12) / 16e9, 'fit', 'rtx-3090'));
    const e = fitCalibration(rows, start, engine).calibration.backends.cuda;
    expect(e.prefillCompute).toBeCloseTo(0.3, 3);
    expect(e.prefillFamilyFactor?.['gguf-legacy']).toBeCloseTo(1.1, 2);
    expect(e.generation?.ampere?.prefill).toBeCloseTo(4, 2);
    // NVIDIA's generations without rows take the mean of its generations' factors; AMD, the main vendor, has none.
    expect(e.prefillVendorFactor?.nvidia).toBeCloseTo(4, 2);
    expect(e.prefillVendorFactor?.amd).toBeUndefined();
  });
});

/**
 * A toy MLX engine: a prompt of P tokens takes P x 2 x 8e9 FLOPs / (eff x 100 TFLOP/s), plus the engine's
 * fixed time per prompt and its passes over the model's weights (sizes below) at 1 TB/s.
 */
const TOY_SIZES: Record<string, number> = { small: 4 * GB, mid: 8 * GB, big: 16 * GB };
function toyMlxEngine(cal: CalibrationValues) {
  const base = toyEngine(cal);
  return (req: EstimateRequest): EstimateResult => {
    const r = base(req);
    const e = cal.runtimes?.mlx ?? cal.backends.metal;
    const prompt = req.prompt ?? 512;
    const sec = (prompt * 2 * 8e9) / (e.prefillCompute * 100e12) + (e.prefillRequestOverheadSec ?? 0)
      + (e.prefillRequestWeightPasses ?? 0) * (TOY_SIZES[req.model ?? 'mid'] ?? 8 * GB) / 1e12;
    return { ...r, speed: { ...r.speed!, prefillTokensPerSec: prompt / sec, prefillRange: [prompt / sec, prompt / sec] } };
  };
}

describe('fitting the time per prompt', () => {
  it('recovers its fixed part and its passes over the weights together, from prompts of several lengths on models of several sizes', () => {
    const truth = { compute: 0.5, fixedSec: 0.02, passes: 5 };
    const rows: MeasurementRow[] = [];
    for (const model of Object.keys(TOY_SIZES)) {
      for (const prompt of [128, 512, 2048]) {
        const sec = (prompt * 2 * 8e9) / (truth.compute * 100e12) + truth.fixedSec + truth.passes * TOY_SIZES[model]! / 1e12;
        const r = row(`${model}-${prompt}`, 'prefill', 'MLX-Q4', prompt / sec, 'fit', 'm5-max-40c');
        Object.assign(r.settings, { model, prompt, context: prompt, engine: 'mlx', backend: 'metal' });
        rows.push(r);
      }
    }
    const start = structuredClone(fitted);
    if (start.runtimes?.mlx) { start.runtimes.mlx.prefillRequestOverheadSec = 0.1; delete start.runtimes.mlx.prefillRequestWeightPasses; }
    const e = fitCalibration(rows, start, toyMlxEngine, 4).calibration.runtimes?.mlx;
    expect(e?.prefillRequestOverheadSec).toBeCloseTo(truth.fixedSec, 6);
    expect(e?.prefillRequestWeightPasses).toBeCloseTo(truth.passes, 6);
    expect(e?.prefillCompute).toBeCloseTo(truth.compute, 1);
  });
});

/** The toy engine under vLLM: its own decode efficiency, and a time to first token from its own prefill efficiency. */
function toyVllmEngine(cal: CalibrationValues) {
  return (req: EstimateRequest): EstimateResult => {
    const r = toyEngine(cal)(req);
    const e = cal.runtimes?.vllm ?? cal.backends.cuda;
    const decode = (1000 * GB * e.decodeBandwidth.default) / (16 * GB);
    const ttft = ((req.prompt ?? 512) * 2 * 8e9) / (e.prefillCompute * 100e12);
    return { ...r, speed: { ...r.speed!, decodeTokensPerSec: decode, decodeRange: [decode, decode], timeToFirstTokenSec: ttft } };
  };
}

describe('fitting an engine from rates timed over whole requests', () => {
  it('takes its prefill efficiency from the share of the time that long prompts add, when it has no prefill rows', () => {
    const truth = { decodeEff: 0.8, prefillCompute: 0.6 };
    const rows: MeasurementRow[] = [];
    for (const prompt of [1, 6144, 16384, 32768, 65536, 131072]) {
      const sec = (prompt * 2 * 8e9) / (truth.prefillCompute * 100e12) + 2048 / ((1000 * truth.decodeEff) / 16);
      const r = row(`p${prompt}`, 'decode', 'F16', 2048 / sec, 'fit');
      Object.assign(r.settings, { engine: 'vllm', flashAttention: true, includesPrefill: true, depth: prompt, prompt: 0, output: 2048, context: prompt + 2048 });
      rows.push(r);
    }
    const start = structuredClone(fitted);
    if (start.runtimes?.vllm) start.runtimes.vllm.prefillCompute = 0.3;
    const { calibration, summary } = fitCalibration(rows, start, toyVllmEngine, 4);
    expect(calibration.runtimes?.vllm?.prefillCompute).toBeCloseTo(truth.prefillCompute, 6);
    expect(calibration.runtimes?.vllm?.decodeBandwidth.default).toBeCloseTo(truth.decodeEff, 2);
    // Read as rates of the output alone, the same rows would have set no prefill efficiency at all.
    const plain = rows.map((r) => ({ ...r, settings: { ...r.settings, includesPrefill: false } }));
    expect(fitCalibration(plain, start, toyVllmEngine, 4).calibration.runtimes?.vllm?.prefillCompute).toBe(0.3);
    expect(summary.unfitted.join('\n')).not.toMatch(/vllm\.prefillCompute/);
  });
});

describe("fitting a generation's own attention kernels from requests timed with their prompts", () => {
  it('gives Hopper a factor on attention, told from the GEMMs by the time that grows with the square of the prompt', () => {
    const truth = { compute: 0.6, hopperAttention: 2 };
    const attFlopsPerToken2 = 4e4;
    const engine = (cal: CalibrationValues) => (req: EstimateRequest): EstimateResult => {
      const r = toyVllmEngine(cal)(req);
      const e = cal.runtimes?.vllm ?? cal.backends.cuda;
      const gen = req.hardware === 'h100-pcie' ? (e.generation?.hopper?.prefillAttention ?? 1) : 1;
      const p = req.prompt ?? 512;
      const ttft = (p * 2 * 8e9) / (e.prefillCompute * 100e12) + (p * p * attFlopsPerToken2) / (e.prefillCompute * 100e12 * gen);
      return { ...r, speed: { ...r.speed!, timeToFirstTokenSec: ttft } };
    };
    const rows: MeasurementRow[] = [];
    for (const hardware of ['rtx-a6000', 'h100-pcie']) {
      for (const model of ['m', 'mid']) {
        for (const prompt of [1, 16384, 32768, 65536, 131072]) {
          const gen = hardware === 'h100-pcie' ? truth.hopperAttention : 1;
          const sec = (prompt * 2 * 8e9) / (truth.compute * 100e12) + (prompt * prompt * attFlopsPerToken2) / (truth.compute * 100e12 * gen) + 2048 / ((1000 * 0.8) / 16);
          const r = row(`${hardware}-${model}-${prompt}`, 'decode', 'F16', 2048 / sec, 'fit', hardware);
          Object.assign(r.settings, { model, engine: 'vllm', flashAttention: true, includesPrefill: true, depth: prompt, prompt: 0, output: 2048, context: prompt + 2048 });
          rows.push(r);
        }
      }
    }
    const start = structuredClone(fitted);
    if (start.runtimes?.vllm) { start.runtimes.vllm.prefillCompute = 0.3; start.runtimes.vllm.prefillAttentionFactorFa = 1; start.runtimes.vllm.decodeBandwidth = { default: 0.8 }; }
    const vllm = fitCalibration(rows, start, engine, 4).calibration.runtimes?.vllm;
    expect(vllm?.prefillCompute).toBeCloseTo(truth.compute, 6);
    expect(vllm?.generation?.hopper?.prefillAttention).toBeCloseTo(truth.hopperAttention, 6);
    expect(vllm?.generation?.ampere?.prefillAttention).toBeUndefined();
  });
});

describe('the out-of-fold error of the fit', () => {
  it('predicts every scored fit row by a fit without its run, and leaves out the test part', () => {
    const rows: MeasurementRow[] = [];
    // 18 runs that agree (efficiency 0.6) and three that each decode 30% faster than the others say.
    for (let i = 0; i < 18; i++) rows.push(row(`k${i}`, 'decode', 'Q4_K_M', (1000 * 0.6) / 5, 'fit'));
    for (let i = 0; i < 3; i++) rows.push(row(`fast${i}`, 'decode', 'Q4_K_M', ((1000 * 0.6) / 5) * 1.3, 'fit'));
    rows.push(row('t0', 'decode', 'Q4_K_M', 1, 'test'));
    const { kinds, total } = outOfFoldError(rows, fitted, toyEngine, 5, 2);
    expect(kinds).toHaveLength(1);
    const single = kinds[0]!;
    expect(single.kind).toBe('decode-single');
    expect(single.rows).toBe(21);
    expect(single.medianAbsErrorPct).toBeCloseTo(0, 6);
    // Each fast run, predicted from a fit that did not see it: |0.6 - 0.78| / 0.78 = 23.08%, the top
    // three of 21 rows and so the 90th percentile.
    expect(single.p90AbsErrorPct).toBeCloseTo(23.08, 1);
    expect(total).toBeCloseTo(single.medianAbsErrorPct + single.p90AbsErrorPct, 2);
  });
});

describe('honest speed ranges', () => {
  it('sets the spreads from out-of-fold residuals, apart for several devices, and keeps the fitted values', () => {
    const rows: MeasurementRow[] = [];
    // Measured = truth x noise; the noise spans 0.8..1.2 on one device and 0.6..1.4 on two.
    for (let i = 0; i < 40; i++) {
      const noise = 0.8 + (0.4 * i) / 39;
      rows.push(row(`k${i}`, 'decode', 'Q4_K_M', ((1000 * 0.6) / 5) * noise, 'fit'));
      const noise2 = 0.6 + (0.8 * i) / 39;
      rows.push(row(`m${i}`, 'decode', 'Q4_K_M', 1 / (5 / (1000 * 0.6) + 0.0004) * noise2, 'fit', '2xrtx-a6000'));
    }
    const { calibration: fittedCal } = fitCalibration(rows, fitted, toyEngine);
    const fittedEff = fittedCal.backends.cuda.decodeBandwidth['gguf-k'];
    const inSample = fittedCal.backends.cuda.decodeSpread;
    const { calibration, spreads } = fitOutOfFoldSpreads(rows, fittedCal, toyEngine);
    const e = calibration.backends.cuda;
    expect(e.decodeBandwidth['gguf-k']).toBe(fittedEff);
    expect(spreads.map((s) => `${s.kind}/${s.devices}`).sort()).toEqual(['decode/multi', 'decode/single']);
    // One-device rows only: about the noise's p10..p90 (0.84..1.16), not the mixed in-sample spread.
    expect(e.decodeSpread[0]).toBeGreaterThan(0.8);
    expect(e.decodeSpread[1]).toBeLessThan(1.2);
    expect(e.decodeSpread[1] - e.decodeSpread[0]).toBeLessThan(inSample[1] - inSample[0]);
    expect(e.decodeSpreadMulti![1] - e.decodeSpreadMulti![0]).toBeGreaterThan(0.5);
  });

  it("widens the range of a backend with few rows to at least the spread of every backend's rows pooled", () => {
    // 40 CUDA rows with noise 0.8..1.2 and 10 ROCm rows with 0.99..1.01: 50 pooled, more than 40.
    const rows: MeasurementRow[] = [];
    for (let i = 0; i < 40; i++) rows.push(row(`c${i}`, 'decode', 'Q4_K_M', ((1000 * 0.6) / 5) * (0.8 + (0.4 * i) / 39), 'fit'));
    for (let i = 0; i < 10; i++) {
      const r = row(`r${i}`, 'decode', 'Q4_K_M', ((1000 * 0.6) / 5) * (0.99 + (0.02 * i) / 9), 'fit', 'rx-7900-xtx');
      r.settings.backend = 'rocm';
      rows.push(r);
    }
    // The toy engine prices every backend with CUDA's efficiencies.
    const { calibration: fittedCal } = fitCalibration(rows, fitted, toyEngine);
    const { calibration } = fitOutOfFoldSpreads(rows, fittedCal, toyEngine);
    const rocm = calibration.backends.rocm.decodeSpread;
    expect(rocm[0]).toBeLessThan(0.9);
    expect(rocm[1]).toBeGreaterThan(1.1);
  });
});
