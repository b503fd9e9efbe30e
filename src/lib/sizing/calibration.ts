/**
 * The shape of the engine's calibration: per-backend efficiencies and the multi-device parameters
 * that the fit (src/lib/calibration) sets from measurements. The engine takes the values as an
 * argument (`createEngine({ catalog, calibration })`) and reads them at call time; it never
 * changes them.
 */
import type { HardwareEntry } from '../catalog/types.ts';
import type { BackendId, DeviceGeneration, InterconnectId, RuntimeId, WeightFamily } from '../vocabulary.ts';

/**
 * Factors of a device generation or of the 2024 kernels on decode and prefill efficiency
 * (absent = 1), and their own per-layer decode cost, seconds (absent = the backend's): kernel
 * launch and synchronisation costs differ more between drivers, hosts and builds than bandwidth does.
 */
export interface EraOrGenerationFactors {
  decode?: number; prefill?: number; layerOverheadSec?: number;
  /** The generation's own extra decode cost per MoE layer, seconds (absent = the backend's). */
  moeLayerOverheadSec?: number;
  /**
   * Factor on the efficiency of attention in prefill (absent = 1): a generation can have attention
   * kernels of its own (FlashAttention 3 runs only on Hopper). It never lifts attention above 90% of
   * the device's peak.
   */
  prefillAttention?: number;
}

/** Calibrated efficiencies of one backend. */
export interface BackendEfficiency {
  /** Achieved / peak bandwidth for batch-1 decode, per weight family (fallback `default`). */
  decodeBandwidth: Partial<Record<WeightFamily, number>> & { default: number };
  /** Achieved / peak dense FP16 tensor FLOP/s for prefill. */
  prefillCompute: number;
  /** p10 and p90 of measured/predicted decode on the fit set. */
  decodeSpread: [number, number];
  /** p10 and p90 of measured/predicted prefill on the fit set. */
  prefillSpread: [number, number];
  /**
   * The same spreads for runs spread over several devices (layer-split pipelining and hops add
   * their own error). Optional: absent means the one-device spreads apply.
   */
  decodeSpreadMulti?: [number, number];
  prefillSpreadMulti?: [number, number];
  /**
   * Fixed decode cost per token per layer, seconds (kernel launches, synchronisation), added to
   * the bandwidth time. Optional: absent means 0.
   */
  decodeLayerOverheadSec?: number;
  /**
   * Decode efficiencies for devices with HBM memory (the catalog's `hbm` rows), which llama.cpp's
   * batch-1 kernels saturate less well than GDDR/LPDDR. Optional: absent means `decodeBandwidth`.
   */
  decodeBandwidthHbm?: Partial<Record<WeightFamily, number>> & { default: number };
  /**
   * Factor on the catalog FP16 rate for NVIDIA GeForce cards in prefill: the catalog stores the
   * FP32-accumulate rate, llama.cpp's GEMMs run at the FP16-accumulate rate. Optional: 1.
   */
  prefillFp16AccBoost?: number;
  /** Efficiency of attention FLOPs relative to the weight GEMMs in prefill (0..1]. Optional: 1. */
  prefillAttentionFactor?: number;
  /**
   * The same factor for runs with flash attention on (request `flashAttention`, default true).
   * Optional: absent means `prefillAttentionFactor` applies with or without flash attention.
   */
  prefillAttentionFactorFa?: number;
  /**
   * Prefill throughput factor per weight family (dimensionless, absent = 1; a GGUF block format
   * without one takes the k-quants', see `prefillFamilyFactorOf`), fitted jointly with
   * `prefillCompute`: float and quantized weights run through different GEMM kernels (cuBLAS/Metal
   * FP16 vs llama.cpp's dequantize or MMQ paths).
   */
  prefillFamilyFactor?: Partial<Record<WeightFamily, number>>;
  /**
   * How effective prefill FLOP/s grow with a device's peak: effective = prefillCompute x 100 TFLOP/s
   * x (peak / 100 TFLOP/s)^this. 1 = proportional to peak; llama.cpp reaches a smaller share of the
   * peak on the biggest GPUs (fixed per-op costs, dequantization traffic). Optional: 1.
   */
  prefillPeakExponent?: number;
  /**
   * Factors on decode and prefill per device generation (dimensionless, absent = 1), fitted where a
   * generation has enough rows on this backend: an integrated RDNA 3.5 GPU and a discrete RDNA 4
   * card under the same Vulkan driver, or the M5's prefill accelerators under Metal, reach
   * different shares of their peaks.
   */
  generation?: Partial<Record<DeviceGeneration, EraOrGenerationFactors>>;
  /**
   * Prefill factor for a vendor's generations without one of their own, under a backend whose
   * efficiencies stand for another vendor's cards (Vulkan: AMD's). Absent = 1. Set by the fit as the
   * geometric mean of that vendor's generation factors, not searched: the vendor's generations run
   * the same kernels (NVIDIA's cooperative-matrix-2 paths), so a generation without rows is nearer
   * its vendor's than the other vendor's base.
   */
  prefillVendorFactor?: Partial<Record<HardwareEntry['vendor'], number>>;
  /**
   * Factors on decode and prefill for llama.cpp's kernels of 2024 (request `kernels: '2024'`), which
   * the older calibration rows measured; the efficiencies above stand for current builds. Absent = 1.
   */
  kernels2024?: EraOrGenerationFactors;
  /**
   * Efficiency of the routed experts' matrix multiplies in prefill relative to dense ones (0..1]:
   * a micro-batch gives each expert only ubatch x k / E tokens, and tokens must be sorted and
   * gathered per expert. Optional: 1.
   */
  prefillMoeFactor?: number;
  /**
   * Tokens per expert per micro-batch at which the routed experts' prefill GEMMs reach half of
   * `prefillMoeFactor`: a micro-batch of u tokens gives each of E experts u x k / E of them on
   * average (k chosen per token), and small GEMMs leave the tensor cores idle, so the experts'
   * efficiency is `prefillMoeFactor x t / (t + this)` for t tokens per expert. Optional: absent = 0
   * (no dependence on the batch per expert).
   */
  prefillMoeBatchTokens?: number;
  /**
   * Fixed decode cost per token per mixture-of-experts layer, seconds, on top of
   * `decodeLayerOverheadSec`: routing (router product, top-k, softmax) and the gather of the chosen
   * experts' rows add kernels and a device-side sort to every MoE layer. Optional: absent means 0.
   */
  decodeMoeLayerOverheadSec?: number;
  /**
   * Fixed cost of each decode step, seconds, whatever the model's depth: sampling, the scheduler and
   * the host's dispatch of the step (a Python loop in vLLM and Transformers). Optional: absent means 0.
   */
  decodeStepOverheadSec?: number;
  /**
   * Host time to dispatch one layer's kernels in a decode step, seconds, for engines that launch
   * every kernel from Python without a captured graph (Transformers in eager mode). The host runs
   * ahead of the GPU, so a step takes the longer of the two: small models are bound by the host
   * whatever their size. Optional: absent means 0 (the host keeps ahead).
   */
  decodeHostLayerSec?: number;
  /**
   * Fixed time of each prompt before its first token, seconds, whatever its length: building the
   * graph, the first sampling and the host's round trips. Short prompts show it as a lower prefill
   * rate. Optional: absent means 0.
   */
  prefillRequestOverheadSec?: number;
  /**
   * Time of each prompt that grows with the model's size, in passes over all its weights at the
   * device's peak bandwidth. mlx-lm's prompt time is one span from the call to the first token: it
   * also runs the prompt's last token alone as a batch-1 step, and its rows show a per-prompt cost
   * in proportion to all the weights, experts included, that a fixed time cannot follow from a 4-bit
   * to an 8-bit file of one model. Optional: absent means 0.
   */
  prefillRequestWeightPasses?: number;
  /**
   * Efficiency of decode attention over the cache relative to the prefill efficiency: each token's
   * attention at depth d costs 2 x heads x (d_qk + d_v) x d FLOPs per layer, which batch-1 kernels
   * run far from peak. Makes decode slow down with depth beyond the KV read. Optional: absent = not modelled.
   */
  decodeAttentionFactor?: number;
}

/** The calibration values the engine reads (the fit writes them to calibration/fitted.ts). */
export interface CalibrationValues {
  backends: Record<BackendId, BackendEfficiency>;
  /** Per-hop cost of a layer split at batch 1, seconds per token per extra device. */
  layerSplitHopSec: number;
  /** Tensor-parallel efficiency per extra device, by interconnect. */
  tensorParallelScaling: Record<InterconnectId, number>;
  /**
   * Time of one all-reduce of a token's activations under tensor parallelism, seconds, by
   * interconnect: at batch 1 the message is a few KB, so its latency, not the link's bandwidth, sets
   * it, and every layer runs two (after attention and after the MLP). Optional: absent means 0.
   */
  tensorParallelAllReduceSec?: Partial<Record<InterconnectId, number>>;
  /**
   * Layer-split prefill is pipelined across devices (micro-batches in flight): speed-up over one
   * device = min(devices, ceil(prompt / ubatch)) x this efficiency. Optional: absent means no
   * pipelining is modelled.
   */
  layerSplitPrefillEfficiency?: number;
  /**
   * Efficiencies of the engines that are not llama.cpp (MLX on Metal, vLLM and SGLang, Transformers),
   * fitted on their own rows; absent = the backend's llama.cpp values.
   */
  runtimes?: Partial<Record<Exclude<RuntimeId, 'llama.cpp'>, BackendEfficiency>>;
}
