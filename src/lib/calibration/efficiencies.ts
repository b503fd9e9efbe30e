/**
 * Efficiencies: the share of a device's peak bandwidth (decode) or peak dense FP16 tensor
 * throughput (prefill) that an engine achieves, per backend and weight family, plus the
 * spread (10th and 90th percentile of measured / predicted) used for speed ranges.
 *
 * OWNED BY THE CALIBRATION WORK (issue #3): these values are fitted on the fit part of
 * data/measurements and replaced by scripts/fit.ts. The starting values below are the
 * community rule of thumb (60-75% of spec bandwidth for single-stream decode on GPUs),
 * see ../shared content-facts §5.3, until the fit lands.
 */
import type { BackendId } from '../catalog/types.ts';

/** Weight families that decode at different efficiencies (dequantisation cost differs). */
export type WeightFamily = 'float' | 'gguf-legacy' | 'gguf-k' | 'gguf-i' | 'int4-group' | 'fp8' | 'microscaling';

export interface BackendEfficiency {
  /** Achieved / peak bandwidth for batch-1 decode, per weight family (fallback `default`). */
  decodeBandwidth: Partial<Record<WeightFamily, number>> & { default: number };
  /** Achieved / peak dense FP16 tensor FLOP/s for prefill. */
  prefillCompute: number;
  /** p10 and p90 of measured/predicted decode on the fit set. */
  decodeSpread: [number, number];
  /** p10 and p90 of measured/predicted prefill on the fit set. */
  prefillSpread: [number, number];
}

export const efficiencies: Record<BackendId, BackendEfficiency> = {
  cuda: { decodeBandwidth: { default: 0.7 }, prefillCompute: 0.45, decodeSpread: [0.8, 1.2], prefillSpread: [0.7, 1.3] },
  metal: { decodeBandwidth: { default: 0.7 }, prefillCompute: 0.45, decodeSpread: [0.8, 1.2], prefillSpread: [0.7, 1.3] },
  rocm: { decodeBandwidth: { default: 0.55 }, prefillCompute: 0.3, decodeSpread: [0.75, 1.25], prefillSpread: [0.6, 1.4] },
  vulkan: { decodeBandwidth: { default: 0.55 }, prefillCompute: 0.25, decodeSpread: [0.75, 1.25], prefillSpread: [0.6, 1.4] },
  cpu: { decodeBandwidth: { default: 0.6 }, prefillCompute: 0.5, decodeSpread: [0.7, 1.3], prefillSpread: [0.6, 1.4] },
};

/** Per-hop cost of a layer split at batch 1, seconds per token per extra device (fitted). */
export const layerSplitHopSec = 0.0002;

/** Tensor-parallel efficiency per extra device, by interconnect (fitted). */
export const tensorParallelScaling: Record<'pcie' | 'nvlink' | 'none', number> = { pcie: 0.6, nvlink: 0.8, none: 0.5 };
