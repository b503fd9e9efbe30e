/**
 * Efficiencies: the share of a device's peak bandwidth (decode) or peak dense FP16 tensor
 * throughput (prefill) that an engine achieves, per backend and weight family, plus the
 * spread (10th and 90th percentile of measured / predicted) used for speed ranges.
 *
 * OWNED BY THE CALIBRATION WORK (issue #3). The numbers live in fitted.ts, which
 * scripts/fit.ts rewrites after fitting a handful of shared parameters on the fit part of
 * data/measurements (see fit-record.ts). The exported objects are mutable on purpose:
 * the fit adjusts them in place and re-runs the engine, so the engine must read them at call
 * time (see /work/team/notes-calibration.md).
 */
import type { BackendId } from '../catalog/types.ts';
import { fitted } from './fitted.ts';
import type { BackendEfficiency, CalibrationValues, WeightFamily } from './types.ts';

export type { BackendEfficiency, WeightFamily } from './types.ts';

function clone(v: CalibrationValues): CalibrationValues {
  return JSON.parse(JSON.stringify(v)) as CalibrationValues;
}

/** The live calibration values (a copy of fitted.ts that the fit may adjust in place). */
export const calibration: CalibrationValues = clone(fitted);

/** Per-backend efficiencies (same object as `calibration.backends`). */
export const efficiencies: Record<BackendId, BackendEfficiency> = calibration.backends;

/**
 * Per-hop cost of a layer split at batch 1, seconds per token per extra device. A live ES-module
 * binding: `syncCalibration()` updates it after the fit changes `calibration.layerSplitHopSec`,
 * and importers see the new value.
 */
export let layerSplitHopSec: number = calibration.layerSplitHopSec;

/** Re-publishes the primitive values of `calibration` (call after changing it in place). */
export function syncCalibration(): void {
  layerSplitHopSec = calibration.layerSplitHopSec;
}

/** Tensor-parallel efficiency per extra device, by interconnect (same object as in `calibration`). */
export const tensorParallelScaling: Record<'pcie' | 'nvlink' | 'none', number> = calibration.tensorParallelScaling;

/**
 * The weight family of a catalog quant family (QuantEntry.family): GPTQ/AWQ are 4-bit group
 * formats; INT8 decodes like the other 8-bit formats. Unknown families fall back to 'float'.
 */
export function weightFamilyOf(quantFamily: string): WeightFamily {
  switch (quantFamily) {
    case 'float': case 'gguf-legacy': case 'gguf-k': case 'gguf-i': case 'fp8': case 'microscaling': case 'int4-group':
      return quantFamily;
    case 'gptq': case 'awq':
      return 'int4-group';
    case 'int8':
      return 'fp8';
    default:
      return 'float';
  }
}

/**
 * Decode efficiency (achieved / peak memory bandwidth, 0..1) for a backend and weight family,
 * falling back to the backend's default. Unknown backends use CUDA's values.
 */
export function decodeEfficiency(backend: BackendId, family: WeightFamily): number {
  const e = efficiencies[backend] ?? efficiencies.cuda;
  return e.decodeBandwidth[family] ?? e.decodeBandwidth.default;
}

/** Prefill efficiency (achieved / peak dense FP16 tensor FLOP/s, 0..1) for a backend. */
export function prefillEfficiency(backend: BackendId): number {
  return (efficiencies[backend] ?? efficiencies.cuda).prefillCompute;
}

/**
 * The [p10, p90] multipliers of measured/predicted speed for a backend, used to turn a point
 * speed into a range: [speed x p10, speed x p90].
 */
export function speedSpread(backend: BackendId, kind: 'decode' | 'prefill'): [number, number] {
  const e = efficiencies[backend] ?? efficiencies.cuda;
  return kind === 'decode' ? e.decodeSpread : e.prefillSpread;
}

/**
 * The weight family of a quant id as llama.cpp and the catalog spell it (F16, Q4_K_M, IQ4_XS,
 * MXFP4, FP8, GPTQ-INT4, ...). Custom or unknown ids fall back to 'float'.
 */
export function weightFamilyOfQuant(quantId: string): WeightFamily {
  const q = quantId.toUpperCase();
  if (q === 'F32' || q === 'F16' || q === 'BF16') return 'float';
  if (/^Q[4-8]_[01]$/.test(q)) return 'gguf-legacy';
  if (/^Q\d_K/.test(q)) return 'gguf-k';
  if (/^IQ\d/.test(q)) return 'gguf-i';
  if (q === 'MXFP4' || q === 'NVFP4') return 'microscaling';
  if (q === 'FP8' || q === 'INT8') return 'fp8';
  if (q.startsWith('GPTQ') || q.startsWith('AWQ')) return 'int4-group';
  return 'float';
}

/** Memory technology class of a device, for the decode efficiency: HBM or anything else. */
export type MemoryClass = 'hbm' | 'other';

/**
 * The memory class of a catalog hardware id (also accepts `NxID`): HBM for NVIDIA A100/H100/
 * H200/B200/GB200 and AMD Instinct MI2xx/MI3xx, 'other' (GDDR, LPDDR, unified) for the rest.
 */
export function memoryClassOf(hardwareId: string): MemoryClass {
  const id = hardwareId.replace(/^\d+x/, '').toLowerCase();
  return /^(a100|h100|h200|h800|b100|b200|gb200|gh200|mi2\d\d|mi3\d\d)/.test(id) ? 'hbm' : 'other';
}

/**
 * Decode efficiency for a device: the HBM table for HBM devices when fitted, else the
 * backend's per-family table (see decodeEfficiency).
 */
export function decodeEfficiencyFor(backend: BackendId, family: WeightFamily, hardwareId: string): number {
  const e = efficiencies[backend] ?? efficiencies.cuda;
  if (memoryClassOf(hardwareId) === 'hbm' && e.decodeBandwidthHbm) {
    return e.decodeBandwidthHbm[family] ?? e.decodeBandwidthHbm.default;
  }
  return decodeEfficiency(backend, family);
}
