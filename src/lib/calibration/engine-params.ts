/**
 * Speed-model parameters added by the engine work (issue #2) for the calibration to fit, kept out of
 * fitted.ts / types.ts so the two helpers do not edit the same file. Mutable on purpose, like
 * `efficiencies`: the engine reads them at call time, so scripts/fit.ts may set them in place and
 * re-run estimates.
 *
 * `prefillFamilyFactor[backend][family]` multiplies the effective prefill FLOP/s of a device for
 * weights of that family (absent = 1). Why: llama.cpp runs prefill GEMMs of float weights through
 * cuBLAS/Metal FP16 kernels, and quantized GGUF weights through its own MMQ / dequantizing kernels,
 * whose throughput differs by family and by llama.cpp version. Before June 2024 the quantized path
 * on CUDA was slower than FP16 cuBLAS; since int8 tensor cores for MMQ (llama.cpp PR #7676 legacy
 * quants, #7860 K-quants, June 2024: 1.6-1.75x on an RTX 3090,
 * https://github.com/ggml-org/llama.cpp/pull/7860) it is about as fast or faster on Ampere/Ada.
 *
 * Values: none yet (every factor 1). Fitting them alone, as the median measured/predicted per
 * (backend, family) over the FIT part of data/measurements/prefill.json (cuda float 1.262, gguf-k
 * 0.942, gguf-legacy 1.123; metal float 1.204, gguf-k 0.989; 2026-11-29), moved the TEST part's
 * prefill error from median 19.2% / p90 53.8% / 68.6% in range to 19.8% / 53.0% / 74.5%: a worse
 * median, so they are not set here. They should be fitted jointly with prefillCompute by
 * scripts/fit.ts. Most rows are llama.cpp builds of May 2024 (before int8 MMQ), where float
 * weights prefill ~1.2-1.3x faster than K-quants on the same GPU; current builds differ.
 */
import type { BackendId } from '../catalog/types.ts';
import type { WeightFamily } from './types.ts';

/** Prefill throughput factor per backend and weight family (dimensionless, absent = 1). */
export const prefillFamilyFactor: Record<BackendId, Partial<Record<WeightFamily, number>>> = {
  cuda: {},
  metal: {},
  rocm: {},
  vulkan: {},
  cpu: {},
};

/** Provenance of the values above (rows per fitted entry). */
export const prefillFamilyFactorFittedOn: { date: string; split: 'fit'; rows: Record<string, number> } = {
  date: '2026-11-29',
  split: 'fit',
  rows: {},
};
