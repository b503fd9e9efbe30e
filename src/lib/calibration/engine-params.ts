/**
 * Speed-model parameters added by the engine work (issue #2) for the calibration to fit. Mutable
 * on purpose, like `efficiencies`: the engine reads them at call time, so scripts/fit.ts may set
 * them in place and re-run estimates.
 *
 * `prefillFamilyFactor[backend][family]` multiplies the effective prefill FLOP/s of a device for
 * weights of that family (absent = 1). Why: llama.cpp runs prefill GEMMs of float weights through
 * cuBLAS/Metal FP16 kernels, and quantized GGUF weights through its own dequantizing or MMQ
 * kernels, whose throughput differs by family and by llama.cpp version. Before June 2024 the
 * quantized path on CUDA was slower than FP16 cuBLAS; since int8 tensor cores for MMQ (llama.cpp
 * PR #7676 legacy quants, #7860 K-quants, June 2024: 1.6-1.75x on an RTX 3090,
 * https://github.com/ggml-org/llama.cpp/pull/7860) it is about as fast or faster on Ampere/Ada.
 *
 * The values live in fitted.ts (`backends[b].prefillFamilyFactor`, written by scripts/fit.ts,
 * which fits them jointly with `prefillCompute` on the fit part: see calibration/fit.ts); the
 * tables below ARE those objects (same references), so a fit that changes them in place is seen
 * by the engine at once. Most rows are llama.cpp builds of May 2024 (before int8 MMQ), where float
 * weights prefill faster than K-quants on the same GPU; current builds differ.
 */
import type { BackendId } from '../catalog/types.ts';
import { calibration } from './efficiencies.ts';
import type { WeightFamily } from './types.ts';

const BACKENDS: readonly BackendId[] = ['cuda', 'metal', 'rocm', 'vulkan', 'cpu'];
for (const b of BACKENDS) calibration.backends[b].prefillFamilyFactor ??= {};

/** Prefill throughput factor per backend and weight family (dimensionless, absent = 1). */
export const prefillFamilyFactor: Record<BackendId, Partial<Record<WeightFamily, number>>> = Object.fromEntries(
  BACKENDS.map((b) => [b, calibration.backends[b].prefillFamilyFactor!]),
) as Record<BackendId, Partial<Record<WeightFamily, number>>>;
