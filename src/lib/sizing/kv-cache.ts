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
 *   `min(cells, window x sequences + ubatch)` cells (llama-kv-cache-iswa.cpp).
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
 *
 * llama.cpp rounds the cache to 256 cells; vLLM allocates 16-token blocks per sequence.
 */
import type { EngineId, KvCacheTypeId } from '../vocabulary.ts';
import type { Arch } from './arch.ts';
import { attnKindOf } from './arch.ts';

/** Bytes per cached element for each KV-cache type. */
export const kvElementBytes: Record<KvCacheTypeId, number> = {
  f16: 2, bf16: 2, q8_0: 34 / 32, q4_0: 18 / 32, fp8: 1,
};

/** llama.cpp's default micro-batch (`-ub`), tokens. */
export const LLAMA_CPP_UBATCH = 512;
/** vLLM's default chunked-prefill budget per step (`max_num_batched_tokens`), tokens. */
export const VLLM_BATCHED_TOKENS = 2048;

/** Per-layer KV layout of a model under one engine and cache type (precomputable). */
export interface KvLayout {
  /** Bytes per token of one full-attention layer. */
  fullLayerBytesPerToken: number;
  /** Bytes per token of one windowed layer. */
  windowLayerBytesPerToken: number;
  /** Window or chunk length, tokens (0 when none). */
  windowTokens: number;
  /** Fixed state bytes per linear-attention layer per sequence. */
  linearStateBytes: number;
  /** Attention kind per layer: 0 full, 1 windowed, 2 linear. */
  kinds: Uint8Array;
  nFull: number;
  nWindow: number;
  nLinear: number;
  /** The engine allocates windowed layers at full length (vLLM): they grow with context like full layers. */
  windowFullLength: boolean;
}

/** The KV layout of `a` under `engine` with elements of `kvType`. */
export function kvLayout(a: Arch, engine: EngineId, kvType: KvCacheTypeId): KvLayout {
  const b = kvElementBytes[kvType];
  let perLayer: number;
  if (a.mla && engine !== 'transformers') {
    perLayer = (a.mla.kvLoraRank + a.mla.qkRopeHeadDim) * b;
  } else if (a.mla) {
    perLayer = a.heads * (a.mla.qkNopeHeadDim + a.mla.qkRopeHeadDim + a.mla.vHeadDim) * b;
  } else {
    perLayer = 2 * a.kvHeads * a.headDim * b;
  }
  const kinds = new Uint8Array(a.layers);
  let nFull = 0, nWindow = 0, nLinear = 0;
  for (let i = 0; i < a.layers; i++) {
    const k = attnKindOf(a, i);
    if (k === 'full') { kinds[i] = 0; nFull++; } else if (k === 'window') { kinds[i] = 1; nWindow++; } else { kinds[i] = 2; nLinear++; }
  }
  return {
    fullLayerBytesPerToken: perLayer,
    windowLayerBytesPerToken: perLayer,
    windowTokens: a.layout?.windowTokens ?? 0,
    linearStateBytes: a.layout?.linearStateBytesPerLayer ?? 0,
    kinds, nFull, nWindow, nLinear,
    windowFullLength: engine === 'vllm',
  };
}

/** Cells (tokens) one layer of each kind holds, for `context` tokens per sequence. */
export interface KvCells {
  full: number;
  window: number;
  /** Sequences, for the linear-state layers. */
  sequences: number;
}

/** Token cells per layer kind for an engine, context per sequence and number of sequences. */
export function kvCells(engine: EngineId, layout: KvLayout, context: number, sequences: number): KvCells {
  const w = layout.windowTokens > 0 ? layout.windowTokens : context;
  if (engine === 'llama.cpp') {
    const total = Math.ceil((context * sequences) / 256) * 256;
    const win = Math.min(total, Math.ceil((w * sequences + LLAMA_CPP_UBATCH) / 256) * 256);
    return { full: total, window: win, sequences };
  }
  if (engine === 'vllm') {
    // 16-token blocks per sequence; windowed layers at full length (see the module comment).
    const perSeq = Math.ceil(context / 16) * 16;
    return { full: perSeq * sequences, window: perSeq * sequences, sequences };
  }
  return { full: context * sequences, window: Math.min(context, w) * sequences, sequences };
}

/** KV bytes of each layer for the given cells (index = layer). */
export function kvBytesOfLayer(layout: KvLayout, cells: KvCells, i: number): number {
  const k = layout.kinds[i];
  if (k === 0) return layout.fullLayerBytesPerToken * cells.full;
  if (k === 1) return layout.windowLayerBytesPerToken * cells.window;
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
 * layer reads `depth` tokens, windowed layers at most their window, linear layers their state.
 */
export function kvReadBytesPerToken(layout: KvLayout, depth: number): number {
  const d = Math.max(0, depth);
  const w = layout.windowTokens > 0 ? Math.min(d, layout.windowTokens) : d;
  return layout.nFull * layout.fullLayerBytesPerToken * d
    + layout.nWindow * layout.windowLayerBytesPerToken * w
    + layout.nLinear * layout.linearStateBytes;
}
