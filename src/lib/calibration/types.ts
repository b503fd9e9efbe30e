/**
 * Types of the calibration set (data/measurements/*.json) and of the fitted values.
 * A measurement row records what was read (permalink, date), the exact run settings and the
 * measured value; `split` says whether it may be used for fitting ('fit') or only for testing.
 */
import type { BackendId } from '../catalog/types.ts';

/** Weight families that decode at different efficiencies (dequantisation cost differs). */
export type WeightFamily = 'float' | 'gguf-legacy' | 'gguf-k' | 'gguf-i' | 'int4-group' | 'fp8' | 'microscaling';

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
   * Decode efficiencies for devices with HBM memory (see `memoryClassOf`), which llama.cpp's
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
   * Prefill throughput factor per weight family (dimensionless, absent = 1), fitted jointly with
   * `prefillCompute`: float and quantized weights run through different GEMM kernels (cuBLAS/Metal
   * FP16 vs llama.cpp's dequantize or MMQ paths). Read through calibration/engine-params.ts.
   */
  prefillFamilyFactor?: Partial<Record<WeightFamily, number>>;
  /**
   * How effective prefill FLOP/s grow with a device's peak: effective = prefillCompute x 100 TFLOP/s
   * x (peak / 100 TFLOP/s)^this. 1 = proportional to peak; llama.cpp reaches a smaller share of the
   * peak on the biggest GPUs (fixed per-op costs, dequantization traffic). Optional: 1.
   */
  prefillPeakExponent?: number;
}

/**
 * What a fit used and found (rows, parameters, spreads): written by scripts/fit.ts to
 * fit-record.ts, apart from the values, so the browser's engine does not ship it.
 */
export interface FitRecord { date: string | null; rows: number; note: string; [k: string]: unknown }

/** The calibration values scripts/fit.ts writes to fitted.ts (what the engine reads). */
export interface CalibrationValues {
  backends: Record<BackendId, BackendEfficiency>;
  /** Per-hop cost of a layer split at batch 1, seconds per token per extra device. */
  layerSplitHopSec: number;
  /** Tensor-parallel efficiency per extra device, by interconnect. */
  tensorParallelScaling: Record<'pcie' | 'nvlink' | 'none', number>;
  /**
   * Layer-split prefill is pipelined across devices (micro-batches in flight): speed-up over one
   * device = min(devices, ceil(prompt / ubatch)) x this efficiency. Optional: absent means no
   * pipelining is modelled.
   */
  layerSplitPrefillEfficiency?: number;
}

/** Kinds of measurement, one JSON file each. */
export type MeasurementKind = 'weights' | 'kv-cache' | 'decode' | 'prefill' | 'fit';

/** The run settings recorded on every row. Lengths are tokens; memoryGb is installed GiB. */
export interface MeasurementSettings {
  /** Catalog model id, or `raw:layers=..,hidden=..` for a raw architecture. */
  model: string;
  modelLabel: string;
  quant: string;
  /** Quantization recipe: 'llama.cpp-default...' or 'unusual: ...' (unusual rows are kept apart). */
  recipe?: string;
  engine: 'llama.cpp' | 'vllm' | 'transformers' | 'mlx';
  engineVersion: string;
  backend: string | null;
  /** Hardware spec as the engine takes it (`ID`, `NxID`), null for size-only rows. */
  hardware: string | null;
  hardwareLabel: string | null;
  devices: number;
  memoryGb?: number;
  /** Share of unified memory the GPU could use in the run (when the source raised the default). */
  gpuMemoryFraction?: number;
  splitMode: string;
  ngl: number | null;
  context: number | null;
  prompt: number;
  output: number;
  depth: number;
  flashAttention: boolean | null;
  ubatch: number | null;
  kvCache: string;
  /** The test as the tool printed it (llama-bench `tg128 @ d4096`, ...). */
  test?: string;
}

/** One measurement row. */
export interface MeasurementRow {
  id: string;
  kind: MeasurementKind;
  split: 'fit' | 'test';
  /** Rows of one run (all depths/lengths) share a group and therefore a split. */
  group: string;
  source: { url: string; date: string; what: string };
  settings: MeasurementSettings;
  /** Bytes, tokens/s, or a verdict ('fits' | 'no-fit'). */
  measured: { value: number | string; unit: string; reported: string; precisionPct?: number };
  /** False for rows kept apart (unusual quantization recipes). */
  scored: boolean;
  notes?: string;
}

/** One file of data/measurements. */
export interface MeasurementFile {
  about: string;
  generatedBy: string;
  splitRule: string;
  count: number;
  rows: MeasurementRow[];
}
