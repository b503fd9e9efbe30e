/**
 * KV cache, per engine, as each one allocates it.
 *
 * Per full-attention layer and token: K and V of `kvHeads x headDim` elements each, at the cache
 * type's bytes per element (f16/bf16 2, q8_0 34/32, q4_0 18/32, fp8 1). Multi-head latent attention
 * (DeepSeek V2/V3/R1) caches one compressed latent of `kvLoraRank + qkRopeHeadDim` elements per layer
 * in llama.cpp and vLLM (llama.cpp keeps no separate V: V is a view of the latent), while
 * Transformers caches the decompressed per-head K and V.
 *
 * Windowed layers (sliding window: Gemma 2/3, gpt-oss; chunked attention: Llama 4):
 * - llama.cpp (b6000 onwards, iSWA cache, `--swa-full` off): the windowed layers hold
 *   `min(cells, window x sequences + ubatch)` cells of a unified cache, or `min(cells, window + ubatch)`
 *   in each sequence's own stream (llama-kv-cache-iswa.cpp).
 * - vLLM (V1 engine, 0.10 to 0.13, late 2025): windowed layers are sized at full length, because
 *   that is what must fit. (1) The hybrid KV cache manager allocates every token
 *   of a sliding-window layer like a full-attention one and frees the blocks outside the window only
 *   at the next scheduling step (vllm-project/vllm PR #30166 description, Dec 2025:
 *   https://github.com/vllm-project/vllm/pull/30166), so a long prompt needs full-length blocks.
 *   (2) Page sizes are unified across layer groups, so windowed layers of a hybrid model reserve
 *   full-size pages (measured on gpt-oss-20b: 12.00 GiB vs 6.09 GiB windowed at 8K x 32;
 *   https://github.com/alvarobartt/hf-mem/pull/70). (3) With the hybrid manager disabled (the
 *   default for several configurations: KV connectors, some platforms; vLLM warns "Hybrid KV cache
 *   manager is disabled for this hybrid model", https://github.com/tenstorrent/tt-xla/issues/5727)
 *   windowed layers cost max_model_len. Chunked attention (Llama 4) is treated the same way.
 *   Attention compute (and the KV read per decoded token) still stops at the window.
 * - Transformers (HybridCache) and MLX (RotatingKVCache): `window` tokens per sequence.
 * Linear-attention layers of hybrid models keep a fixed recurrent state per sequence instead.
 * KV-sharing layers (Gemma 4 E models' last `num_kv_shared_layers`) keep no cache: they attend over
 * the last earlier layer of their kind (llama.cpp src/models/gemma4.cpp at 9af0434d sets
 * `n_layer_kv_from_start = n_layer - n_kv_shared_layers`, and the cache holds only those layers).
 *
 * llama.cpp rounds the cache to 256 cells; vLLM allocates 16-token blocks per sequence.
 */
import { REQUEST_SCHEMA } from '../request.ts';
import { RUNTIME_OF, type EngineId, type KvCacheTypeId, type RuntimeId } from '../vocabulary.ts';
import type { Arch } from './arch.ts';
import { attnKindOf, sharesKv } from './arch.ts';

/** Bytes per cached element for each KV-cache type. */
export const kvElementBytes: Record<KvCacheTypeId, number> = {
  f16: 2, bf16: 2, q8_0: 34 / 32, q4_0: 18 / 32, fp8: 1,
};

/** llama.cpp's default micro-batch (`-ub`), tokens. */
export const LLAMA_CPP_UBATCH: number = REQUEST_SCHEMA.run.ubatch.default;
/** vLLM's default chunked-prefill budget per step (`max_num_batched_tokens`), tokens. */
export const VLLM_BATCHED_TOKENS = 2048;
/** mlx-lm's prompt chunk (`prefill_step_size` of `generate_step`), tokens. */
export const MLX_PREFILL_STEP_TOKENS = 2048;

/**
 * Tokens one prefill step runs through the weights: llama.cpp's micro-batch, mlx-lm's prompt chunk,
 * vLLM's chunked-prefill budget, or the whole prompt in Transformers.
 */
export function prefillStepTokens(runtime: RuntimeId, ubatch: number, prompt: number): number {
  switch (runtime) {
    case 'llama.cpp': return ubatch;
    case 'transformers': return prompt;
    case 'mlx': return MLX_PREFILL_STEP_TOKENS;
    case 'vllm': return VLLM_BATCHED_TOKENS;
  }
}

/**
 * Bytes per element of the fixed per-sequence state of linear-attention and Mamba-2 layers
 * (convolution state, recurrent/SSM state), per runtime:
 * - llama.cpp keeps both in F32 whatever the KV type (`create_memory` passes GGML_TYPE_F32 for r
 *   and s; src/llama-model.cpp at de3ff815).
 * - vLLM keeps both in the model's dtype (`mamba_cache_dtype` and `mamba_ssm_cache_dtype` "auto"),
 *   except the SSM state when the config asks for FP32 (Qwen3.5's `mamba_ssm_dtype`, Nemotron's
 *   `mamba_ssm_cache_dtype`); SGLang allocates the same way.
 * - MLX keeps the convolution state in the activation dtype and the recurrent state in FP32
 *   (mlx_lm/models/gated_delta.py, ssm.py).
 * - Transformers keeps both in the model's dtype.
 */
function stateElementBytes(runtime: RuntimeId, float32Ssm: boolean): { conv: number; ssm: number } {
  switch (runtime) {
    case 'llama.cpp': return { conv: 4, ssm: 4 };
    case 'vllm': return { conv: 2, ssm: float32Ssm ? 4 : 2 };
    case 'mlx': return { conv: 2, ssm: 4 };
    case 'transformers': return { conv: 2, ssm: 2 };
  }
}

/** Fixed state bytes of one linear-attention or Mamba-2 layer for one sequence under an engine (0 when the model has none). */
export function stateBytesPerLayer(a: Arch, engine: EngineId): number {
  const runtime = RUNTIME_OF[engine];
  if (a.linearAttention) {
    const g = a.linearAttention;
    const b = stateElementBytes(runtime, g.ssmStateFloat32 ?? false);
    const keyDim = g.keyHeads * g.keyHeadDim;
    const valueDim = g.valueHeads * g.valueHeadDim;
    const conv = (g.convKernel - 1) * (2 * keyDim + valueDim);
    const recurrent = g.valueHeads * g.keyHeadDim * g.valueHeadDim;
    return conv * b.conv + recurrent * b.ssm;
  }
  if (a.mamba) {
    const m = a.mamba;
    const b = stateElementBytes(runtime, m.ssmStateFloat32 ?? false);
    const inner = m.heads * m.headDim;
    const conv = (m.convKernel - 1) * (inner + 2 * m.groups * m.stateSize);
    const ssm = inner * m.stateSize;
    return conv * b.conv + ssm * b.ssm;
  }
  return a.layout?.linearStateBytesPerLayer ?? 0;
}

/** Per-layer KV layout of a model under one engine and cache type (precomputable). */
export interface KvLayout {
  /** Bytes per token of one full-attention layer. */
  fullLayerBytesPerToken: number;
  /** Bytes per token of one windowed layer. */
  windowLayerBytesPerToken: number;
  /** Window or chunk length, tokens (0 when none). */
  windowTokens: number;
  /** Fixed state bytes per linear-attention or Mamba-2 layer per sequence. */
  linearStateBytes: number;
  /** Cache kind per layer: 0 full, 1 windowed, 2 fixed state (linear or Mamba-2), 3 none (an MLP-only block, or a layer reading another layer's cache). */
  kinds: Uint8Array;
  nFull: number;
  nWindow: number;
  nLinear: number;
  /** Full-attention and windowed layers that read another layer's cache (they hold none). */
  nFullShared: number;
  nWindowShared: number;
  /** The engine allocates windowed layers at full length (vLLM): they grow with context like full layers. */
  windowFullLength: boolean;
  /**
   * Tokens per KV block (vLLM: 16; for hybrids with state, raised so that one attention page holds a
   * whole layer state, the state page padded to match); 0 where the engine does not allocate in blocks.
   */
  blockTokens: number;
}

/** The KV layout of `a` under `engine` with elements of `kvType`. */
export function kvLayout(a: Arch, engine: EngineId, kvType: KvCacheTypeId): KvLayout {
  const b = kvElementBytes[kvType];
  const runtime = RUNTIME_OF[engine];
  let perLayer: number;
  let windowPerLayer: number;
  if (a.mla && runtime !== 'transformers') {
    perLayer = mlaBytesPerToken(a, runtime, kvType);
    windowPerLayer = perLayer;
  } else if (a.mla) {
    perLayer = a.heads * (a.mla.qkNopeHeadDim + a.mla.qkRopeHeadDim + a.mla.vHeadDim) * b;
    windowPerLayer = perLayer;
  } else {
    windowPerLayer = 2 * a.kvHeads * a.headDim * b;
    // Gemma 4's global layers: their own KV heads and head size. Keys that double as values are
    // still cached twice by llama.cpp (it allocates V for every non-MLA cache).
    perLayer = a.globalAttention ? 2 * a.globalAttention.kvHeads * a.globalAttention.headDim * b : windowPerLayer;
  }
  const kinds = new Uint8Array(a.layers);
  let nFull = 0, nWindow = 0, nLinear = 0, nFullShared = 0, nWindowShared = 0;
  for (let i = 0; i < a.layers; i++) {
    const k = attnKindOf(a, i);
    if (sharesKv(a, i) && (k === 'full' || k === 'window')) {
      kinds[i] = 3;
      if (k === 'full') nFullShared++; else nWindowShared++;
    } else if (k === 'full') { kinds[i] = 0; nFull++; } else if (k === 'window') { kinds[i] = 1; nWindow++; } else if (k === 'none') kinds[i] = 3; else { kinds[i] = 2; nLinear++; }
  }
  let state = stateBytesPerLayer(a, engine);
  let blockTokens = 0;
  if (runtime === 'vllm' && engine === 'vllm') {
    blockTokens = 16;
    if (nLinear > 0 && state > 0 && perLayer > 0) {
      // vLLM's hybrid page-size unification (Platform._align_hybrid_block_size): the attention block
      // grows in steps of 16 tokens until one page holds a layer's state; the state page is padded to it.
      blockTokens = 16 * Math.ceil(state / (16 * perLayer));
      state = blockTokens * perLayer;
    }
  }
  return {
    fullLayerBytesPerToken: perLayer,
    windowLayerBytesPerToken: windowPerLayer,
    windowTokens: a.layout?.windowTokens ?? 0,
    linearStateBytes: state,
    kinds, nFull, nWindow, nLinear, nFullShared, nWindowShared,
    windowFullLength: runtime === 'vllm',
    blockTokens,
  };
}

/**
 * Bytes per token and layer of a multi-head latent attention cache: one latent of
 * `kvLoraRank + qkRopeHeadDim` elements (llama.cpp keeps K only: V is a view of it). With DeepSeek
 * Sparse Attention, the indexer's key (`indexer.headDim` elements) is cached too: llama.cpp at the
 * K cache type (llama-kv-cache-dsa.cpp); vLLM as FP8 with one FP32 scale per 128 elements, and its
 * FP8 sparse-MLA layout (`fp8_ds_mla`) stores the latent in FP8 with four FP32 scales and the rope
 * part in BF16: kvLoraRank + 16 + 2 x qkRopeHeadDim bytes.
 */
function mlaBytesPerToken(a: Arch, runtime: RuntimeId, kvType: KvCacheTypeId): number {
  const m = a.mla!;
  const b = kvElementBytes[kvType];
  const latent = m.kvLoraRank + m.qkRopeHeadDim;
  if (!a.indexer) return latent * b;
  if (runtime === 'vllm') {
    const indexer = a.indexer.headDim + (a.indexer.headDim / 128) * 4;
    const mla = kvType === 'fp8' ? m.kvLoraRank + 16 + 2 * m.qkRopeHeadDim : latent * b;
    return mla + indexer;
  }
  return (latent + a.indexer.headDim) * b;
}

/** Cells (tokens) one layer of each kind holds, for `context` tokens per sequence. */
export interface KvCells {
  full: number;
  window: number;
  /** Sequences, for the linear-state layers. */
  sequences: number;
}

/**
 * Token cells per layer kind for an engine, `context` per sequence and number of sequences.
 * With `unified` (llama.cpp only) `context` is instead one pool the sequences share; `ubatch` is
 * llama.cpp's micro-batch, tokens.
 *
 * llama.cpp at ggml-org/llama.cpp de3ff815 (2026-09): a unified cache (`--kv-unified`, llama-server's
 * default when the slot count is automatic) is one stream of `n_ctx` cells; otherwise each of the
 * `n_seq_max` streams gets `n_ctx_seq = n_ctx / n_seq_max` cells, padded to 256
 * (src/llama-context.cpp, `cparams.n_ctx_seq`; src/llama-kv-cache.cpp, `n_stream`). The windowed
 * layers of a stream hold `pad256(min(size, n_swa x (unified ? n_seq_max : 1) + n_ubatch))` cells
 * (src/llama-kv-cache-iswa.cpp).
 */
export function kvCells(engine: EngineId, layout: KvLayout, context: number, sequences: number, unified = false, ubatch = LLAMA_CPP_UBATCH): KvCells {
  const w = layout.windowTokens > 0 ? layout.windowTokens : context;
  if (engine === 'sglang') {
    // SGLang's token-to-KV pool holds single tokens (page size 1); windowed layers at full length like vLLM.
    return { full: context * sequences, window: context * sequences, sequences };
  }
  const runtime = RUNTIME_OF[engine];
  if (runtime === 'llama.cpp') {
    const pad = (cells: number) => Math.ceil(cells / 256) * 256;
    const streams = unified ? 1 : sequences;
    const perStream = pad(context);
    const windowPerStream = Math.min(perStream, pad(w * (unified ? sequences : 1) + ubatch));
    return { full: perStream * streams, window: windowPerStream * streams, sequences };
  }
  if (runtime === 'vllm') {
    // 16-token blocks per sequence (larger for hybrids, see kvLayout); windowed layers at full length.
    const block = Math.max(16, layout.blockTokens);
    const perSeq = Math.ceil(context / block) * block;
    return { full: perSeq * sequences, window: perSeq * sequences, sequences };
  }
  return { full: context * sequences, window: Math.min(context, w) * sequences, sequences };
}

/** KV bytes of each layer for the given cells (index = layer). */
export function kvBytesOfLayer(layout: KvLayout, cells: KvCells, i: number): number {
  const k = layout.kinds[i];
  if (k === 0) return layout.fullLayerBytesPerToken * cells.full;
  if (k === 1) return layout.windowLayerBytesPerToken * cells.window;
  if (k === 3) return 0;
  return layout.linearStateBytes * cells.sequences;
}

/** Total KV-cache bytes for the given cells. */
export function kvTotalBytes(layout: KvLayout, cells: KvCells): number {
  return layout.nFull * layout.fullLayerBytesPerToken * cells.full
    + layout.nWindow * layout.windowLayerBytesPerToken * cells.window
    + layout.nLinear * layout.linearStateBytes * cells.sequences;
}

/**
 * Marginal KV bytes per token of one sequence: the full-attention layers, plus the windowed layers
 * where the engine allocates them at full length (vLLM); elsewhere windowed layers stop growing at
 * their window, and linear layers never grow.
 */
export function kvBytesPerToken(layout: KvLayout): number {
  return layout.nFull * layout.fullLayerBytesPerToken + (layout.windowFullLength ? layout.nWindow * layout.windowLayerBytesPerToken : 0);
}

/**
 * KV bytes read to generate one token when `depth` tokens are cached (one sequence): every full
 * layer reads `depth` tokens, windowed layers at most their window, linear layers their state; a
 * KV-sharing layer reads its donor's cache again.
 */
export function kvReadBytesPerToken(layout: KvLayout, depth: number): number {
  const d = Math.max(0, depth);
  const w = layout.windowTokens > 0 ? Math.min(d, layout.windowTokens) : d;
  return (layout.nFull + layout.nFullShared) * layout.fullLayerBytesPerToken * d
    + (layout.nWindow + layout.nWindowShared) * layout.windowLayerBytesPerToken * w
    + layout.nLinear * layout.linearStateBytes;
}
