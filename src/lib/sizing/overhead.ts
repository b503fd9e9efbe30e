/**
 * Runtime overhead per device: what an engine needs besides weights and KV cache.
 *
 * llama.cpp (flash attention on, its default where the backend supports it):
 * - backend context: CUDA/ROCm about 300 MiB per device (driver, cuBLAS/hipBLAS handles),
 *   Vulkan about 200 MiB, Metal and CPU none counted;
 * - compute buffer: the graph allocator reserves the worst micro-batch (`-ub` 512 tokens). On the
 *   device holding the output head that is the logits, `ubatch x vocab x 4` bytes (Llama 3 8B: 250.5
 *   MiB), elsewhere the MLP activations, `ubatch x 4 x (2 x ffn + 4 x hidden)`; plus the f16 attention
 *   mask, `ubatch x cells x 2` bytes (8 MiB at 8K context). Measured: Llama 3 8B at 8K, "CUDA0
 *   compute buffer size = 258.50 MiB" = 250.5 + 8.
 * - the token embedding stays in system memory (llama.cpp reads rows on the CPU), so device use is
 *   below the file size.
 * vLLM (v0.11): the engine may use `gpu_memory_utilization` (0.9) of each GPU; inside that, about
 * 0.5 GiB of CUDA context and non-torch memory, about 0.5 GiB of CUDA graphs, the activation peak of
 * the profiling run (`max_num_batched_tokens` 2048 tokens in 16-bit) and the sampler's logits for 256
 * sequences; with tensor parallelism about 0.25 GiB of NCCL / custom all-reduce buffers per GPU.
 * Transformers: CUDA context plus activations of the whole prompt in 16-bit.
 * MLX: activations of one 2048-token prefill step in 16-bit; no context cost counted.
 * Vision encoders (visionParams) load in 16-bit with the checkpoint under vLLM, Transformers and
 * MLX; llama.cpp loads them only with `--mmproj` (not counted, a warning says so).
 */
import { RUNTIME_OF, type BackendId, type EngineId } from '../vocabulary.ts';
import type { Arch } from './arch.ts';
import { MLX_PREFILL_STEP_TOKENS, VLLM_BATCHED_TOKENS } from './kv-cache.ts';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/**
 * vLLM's default `gpu_memory_utilization`: 0.92 in current releases ("If unspecified, will use the
 * default value of 0.92", vllm/config/cache.py at 002f10e0), 0.9 before. A share of the GPU's total memory.
 */
export const VLLM_GPU_MEMORY_UTILIZATION = 0.92;

/**
 * SGLang's default `mem_fraction_static` for one GPU (ServerArgs._handle_gpu_memory_settings in
 * python/sglang/srt/server_args.py, read through a code index without a commit): it reserves
 * 512 MiB + 1.5 x the chunked-prefill size + 2 x the CUDA-graph batch size + 1 GiB per 8 GPUs of
 * tensor parallelism (at least 10 GiB on GPUs over 60 GiB), the chunk and graph sizes tiered by GPU
 * memory, and gives the rest to weights and the KV pool. `gpuBytes` is the GPU's memory.
 */
export function sglangMemoryFraction(gpuBytes: number, tensorParallel: number): number {
  const gpuMiB = gpuBytes / MiB;
  const gib = gpuBytes / GiB;
  const tp = Math.max(1, tensorParallel);
  const [chunk, graphBs] = gib < 20 ? [2048, 8] : gib < 35 ? [2048, tp < 4 ? 24 : 80] : gib < 60 ? [4096, tp < 4 ? 32 : 160]
    : gib < 160 ? [8192, tp < 4 ? 256 : 512] : [16384, 512];
  let reservedMiB = 512 + Math.max(chunk, 2048) * 1.5 + graphBs * 2 + (tp / 8) * 1024;
  if (gib > 60) reservedMiB = Math.max(reservedMiB, 10240);
  if (gpuMiB <= reservedMiB) return 0.05;
  return Math.round(((gpuMiB - reservedMiB) / gpuMiB) * 1000) / 1000;
}

/** Backend context bytes per device for llama.cpp-style runtimes. */
export function backendContextBytes(backend: BackendId): number {
  switch (backend) {
    case 'cuda': case 'rocm': return 300 * MiB;
    case 'vulkan': return 200 * MiB;
    default: return 0;
  }
}

/** Widest MLP activation of one token (elements): dense width, or active experts plus shared. */
export function ffnWidth(a: Arch): number {
  let w = a.moe && a.moe.denseLeadingLayers === 0 && a.moe.moeEvery === 1 ? 0 : a.intermediate;
  if (a.moe) w = Math.max(w, a.moe.activeExperts * a.moe.expertIntermediate + a.moe.sharedExperts * a.moe.sharedIntermediate);
  return w;
}

/** Inputs for the per-device fixed overhead. */
export interface OverheadInput {
  engine: EngineId;
  backend: BackendId;
  arch: Arch;
  /** KV cells of the full-attention layers (all sequences), for the attention mask. */
  cells: number;
  /** Prompt tokens (Transformers processes the prompt in one pass). */
  prompt: number;
  /** llama.cpp's micro-batch, tokens (its compute buffers hold one). */
  ubatch: number;
  /** Devices sharing a tensor-parallel group (1 for layer split). */
  tensorParallel: number;
  /** True for the device holding the output head. */
  holdsOutput: boolean;
}

/**
 * Fixed overhead bytes of one device: backend context, compute/activation buffers, and
 * communication buffers under tensor parallelism. Excludes weights, KV cache and vision weights.
 */
export function deviceOverheadBytes(o: OverheadInput): number {
  const a = o.arch;
  const ffn = ffnWidth(a);
  const tp = Math.max(1, o.tensorParallel);
  switch (RUNTIME_OF[o.engine]) {
    case 'llama.cpp': {
      const ub = o.ubatch;
      const act = (ub * 4 * (2 * ffn + 4 * a.hidden)) / tp;
      const logits = o.holdsOutput ? ub * 4 * a.vocab : 0;
      const mask = ub * Math.max(o.cells, 256) * 2;
      const comm = tp > 1 ? 64 * MiB : 0;
      return backendContextBytes(o.backend) + Math.max(act, logits) + mask + comm;
    }
    case 'vllm': {
      // SGLang reserves the same kinds of memory (context, graphs, a chunked-prefill activation peak, sampler).
      const act = (VLLM_BATCHED_TOKENS * 2 * (4 * a.hidden + (2 * ffn) / tp));
      const sampler = (256 * a.vocab * 4) / tp;
      const comm = tp > 1 ? 0.25 * GiB : 0;
      return 0.5 * GiB + 0.5 * GiB + act + sampler + comm;
    }
    case 'transformers': {
      const p = Math.max(1, o.prompt);
      const act = p * 2 * (4 * a.hidden + 2 * ffn) + (o.holdsOutput ? a.vocab * 4 : 0);
      return (o.backend === 'cuda' || o.backend === 'rocm' ? 0.5 * GiB : 0) + act;
    }
    case 'mlx': {
      const step = Math.min(MLX_PREFILL_STEP_TOKENS, Math.max(1, o.prompt));
      return step * 2 * (4 * a.hidden + 2 * ffn) + 64 * MiB;
    }
  }
}

/** Vision-encoder bytes the engine loads with the model (16-bit), or 0 (llama.cpp loads it only with --mmproj; Ollama with the model). */
export function visionBytes(engine: EngineId, a: Arch): number {
  return engine === 'llama.cpp' ? 0 : a.visionParams * 2;
}
