/**
 * The words every part of Rigbook shares: inference engines, compute backends, KV-cache element
 * types, split modes, interconnects and weight families. Each list is written here once; the
 * TypeScript types, the request checks, the CLI's choices, the URL decoder and the calculators'
 * options all derive from it. Adding an engine or a backend starts here.
 */

/**
 * Inference engines the sizing engine models. Ollama runs llama.cpp's ggml code with its own
 * defaults; SGLang allocates and schedules like vLLM (a paged KV pool in a static share of memory).
 */
export const ENGINES = ['llama.cpp', 'vllm', 'sglang', 'ollama', 'mlx', 'transformers'] as const;
export type EngineId = (typeof ENGINES)[number];

/** The runtime whose memory layout and kernels an engine shares. */
export const RUNTIMES = ['llama.cpp', 'vllm', 'mlx', 'transformers'] as const;
export type RuntimeId = (typeof RUNTIMES)[number];

/** Which runtime each engine is: Ollama is llama.cpp underneath, SGLang a paged-KV server like vLLM. */
export const RUNTIME_OF: Readonly<Record<EngineId, RuntimeId>> = {
  'llama.cpp': 'llama.cpp',
  ollama: 'llama.cpp',
  vllm: 'vllm',
  sglang: 'vllm',
  mlx: 'mlx',
  transformers: 'transformers',
};

/** Compute backends; efficiencies are calibrated per backend. */
export const BACKENDS = ['cuda', 'metal', 'rocm', 'vulkan', 'sycl', 'cpu'] as const;
export type BackendId = (typeof BACKENDS)[number];

/**
 * Device generations whose kernels reach different shares of their peaks under the same backend
 * (calibrated per backend and generation where the calibration set has enough rows).
 */
export const DEVICE_GENERATIONS = [
  'ampere', 'ada', 'hopper', 'blackwell', 'blackwell-soc', 'rdna3', 'rdna3.5', 'rdna4', 'cdna3', 'cdna4',
  'm1', 'm2', 'm3', 'm4', 'm5', 'alchemist', 'battlemage', 'other',
] as const;
export type DeviceGeneration = (typeof DEVICE_GENERATIONS)[number];

/**
 * Which llama.cpp kernels a speed stands for: current builds (2025-26: flash attention on by
 * default, MMQ and MoE kernels of 2025) or those of 2024, which the older calibration rows measured.
 */
export const KERNEL_ERAS = ['current', '2024'] as const;
export type KernelEra = (typeof KERNEL_ERAS)[number];

/** KV-cache element types. */
export const KV_CACHE_TYPES = ['f16', 'bf16', 'q8_0', 'q4_0', 'fp8'] as const;
export type KvCacheTypeId = (typeof KV_CACHE_TYPES)[number];

/**
 * The KV-cache types each engine can allocate: llama.cpp's `--cache-type-k/v`, vLLM's
 * `--kv-cache-dtype` (auto = the model's dtype, or fp8), MLX and Transformers in 16-bit.
 */
export const KV_CACHE_TYPES_BY_ENGINE: Readonly<Record<EngineId, readonly KvCacheTypeId[]>> = {
  'llama.cpp': ['f16', 'bf16', 'q8_0', 'q4_0'],
  ollama: ['f16', 'q8_0', 'q4_0'],
  vllm: ['f16', 'bf16', 'fp8'],
  sglang: ['f16', 'bf16', 'fp8'],
  mlx: ['f16', 'bf16'],
  transformers: ['f16', 'bf16'],
};

/**
 * Engines whose sequences can share one KV cache (`--kv-unified`, llama-server's default with
 * automatic slots); every other engine sizes a cache per sequence.
 */
export const SHARED_KV_CACHE_ENGINES: readonly EngineId[] = ['llama.cpp'];

/** How a model is spread over several devices: whole layers per device, or every layer split. */
export const SPLIT_MODES = ['layer', 'tensor'] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

/** How devices talk to each other in a multi-device rig, slowest first. */
export const INTERCONNECTS = ['none', 'pcie', 'nvlink'] as const;
export type InterconnectId = (typeof INTERCONNECTS)[number];

/**
 * Weight families that run at different efficiencies (dequantisation and GEMM kernels differ).
 * Every catalog format family maps to one of them (`weightFamilyOf`).
 */
export const WEIGHT_FAMILIES = ['float', 'gguf-legacy', 'gguf-k', 'gguf-i', 'int4-group', 'fp8', 'microscaling'] as const;
export type WeightFamily = (typeof WEIGHT_FAMILIES)[number];

/**
 * GGUF's block formats. In prefill llama.cpp multiplies them with its quantized-matmul kernels (MMQ on CUDA
 * and HIP, one kernel family for every block format; tiles dequantized on chip on Metal and Vulkan) or
 * dequantizes them first, never as the float GEMMs multiply floats.
 */
export const GGUF_QUANTIZED_FAMILIES: readonly WeightFamily[] = ['gguf-legacy', 'gguf-k', 'gguf-i', 'microscaling'];

/** Catalog format families: GGUF's, floats, and the checkpoint formats that run like a weight family. */
export const QUANT_FAMILIES = ['float', 'gguf-legacy', 'gguf-k', 'gguf-i', 'gptq', 'awq', 'mlx-affine', 'fp8', 'int8', 'microscaling'] as const;
export type QuantFamily = (typeof QUANT_FAMILIES)[number];

/**
 * The weight family a format family runs as: GPTQ, AWQ and MLX's affine formats are group formats; INT8 decodes
 * like the other 8-bit formats. No format (a custom bits-per-weight) runs as float.
 */
export function weightFamilyOf(family: QuantFamily | null): WeightFamily {
  switch (family) {
    case null: return 'float';
    case 'gptq': case 'awq': case 'mlx-affine': return 'int4-group';
    case 'int8': return 'fp8';
    default: return family;
  }
}
