/**
 * The architecture the sizing engine computes from: either a catalog model or a raw
 * architecture given field by field (`--layers --hidden ...`). Only `catalog/types.ts` is
 * imported, so calculators can ship the engine without the catalog text.
 */
import type { AttentionLayout, IndexerLayout, LinearAttentionLayout, MambaLayout, MlaLayout, ModelEntry, PerLayerEmbedding } from '../catalog/types.ts';

/** Mixture-of-experts layout with every default filled in. */
export interface MoeArch {
  experts: number;
  activeExperts: number;
  expertIntermediate: number;
  sharedExperts: number;
  sharedIntermediate: number;
  denseLeadingLayers: number;
  moeEvery: number;
  /** Width of the latent space routed experts work in (latent MoE), or 0 when they work on the hidden state. */
  latentSize: number;
}

/** A model architecture with defaults resolved. Sizes are element counts. */
export interface Arch {
  id: string;
  name: string;
  family: string;
  layers: number;
  hidden: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  vocab: number;
  intermediate: number;
  tied: boolean;
  attentionBias: boolean;
  /** The query projection also yields an output gate (twice the rows). */
  attentionOutputGate: boolean;
  /** Gated MLP (gate, up, down) or a plain one (up, down). */
  mlpGated: boolean;
  /** Full-attention layers with their own KV heads and head size (Gemma 4), or null. */
  globalAttention: { kvHeads: number; headDim: number; kEqV: boolean } | null;
  maxContext: number;
  moe: MoeArch | null;
  mla: MlaLayout | null;
  layout: AttentionLayout | null;
  /** Per-layer block letters (see ModelEntry.blockPattern), or null when every layer is attention + MLP. */
  blockPattern: string | null;
  linearAttention: LinearAttentionLayout | null;
  mamba: MambaLayout | null;
  indexer: IndexerLayout | null;
  perLayerEmbedding: PerLayerEmbedding | null;
  /** Trailing layers with no KV cache (or K and V projections) of their own: they attend over an earlier layer's. */
  kvSharedLayers: number;
  /** The KV-sharing layers' MLP is twice `intermediate` wide. */
  kvSharedLayersWideMlp: boolean;
  /** Multi-token-prediction layers in the checkpoint (not loaded by llama.cpp, not used in a plain decode). */
  mtpLayers: number;
  visionParams: number;
  releasedFormat: string;
  /** Vendor-published parameter count, if known (count). */
  paramsReported: number | null;
}

/** The architecture of a catalog model. */
export function archFromModel(m: ModelEntry): Arch {
  const moe: MoeArch | null = m.moe
    ? {
        experts: m.moe.experts,
        activeExperts: m.moe.activeExperts,
        expertIntermediate: m.moe.expertIntermediateSize,
        sharedExperts: m.moe.sharedExperts,
        sharedIntermediate: m.moe.sharedIntermediateSize ?? m.moe.expertIntermediateSize,
        denseLeadingLayers: m.moe.denseLeadingLayers,
        moeEvery: m.moe.moeEvery ?? 1,
        latentSize: m.moe.latentSize ?? 0,
      }
    : null;
  return {
    id: m.id,
    name: m.name,
    family: m.family,
    layers: m.layers,
    hidden: m.hiddenSize,
    heads: m.attentionHeads,
    kvHeads: m.kvHeads,
    headDim: m.headDim,
    vocab: m.vocabSize,
    intermediate: m.intermediateSize,
    tied: m.tiedEmbeddings,
    attentionBias: m.attentionBias ?? false,
    attentionOutputGate: m.attentionOutputGate ?? false,
    mlpGated: m.mlpGated ?? true,
    globalAttention: m.globalAttention ?? null,
    maxContext: m.maxContextTokens,
    moe,
    mla: m.mla ?? null,
    layout: m.attentionLayout ?? null,
    blockPattern: m.blockPattern ?? null,
    linearAttention: m.linearAttention ?? null,
    mamba: m.mamba ?? null,
    indexer: m.indexer ?? null,
    perLayerEmbedding: m.perLayerEmbedding ?? null,
    kvSharedLayers: m.kvSharedLayers ?? 0,
    kvSharedLayersWideMlp: m.kvSharedLayersWideMlp ?? false,
    mtpLayers: m.mtpLayers ?? 0,
    visionParams: m.visionParams ?? 0,
    releasedFormat: m.releasedFormat,
    paramsReported: m.paramsReported,
  };
}

/** Raw architecture fields of a request (see EstimateRequest). */
export interface RawArchInput {
  params?: number | undefined;
  layers?: number | undefined;
  hidden?: number | undefined;
  heads?: number | undefined;
  kvHeads?: number | undefined;
  headDim?: number | undefined;
  vocab?: number | undefined;
  intermediate?: number | undefined;
  experts?: number | undefined;
  activeExperts?: number | undefined;
}

/**
 * A raw architecture. With only `params`, a Llama-like shape is derived from the count
 * (hidden about 128 x sqrt(params / 1e6) / ... see `shapeFromParams`) so that the tensor
 * total matches the count to within half a 256-wide MLP step; explicit fields override.
 * Defaults: kvHeads = heads (no grouped-query attention), headDim = hidden / heads,
 * vocab 32000, intermediate = 3.5 x hidden rounded to 256, context 131072.
 */
export function archFromRaw(r: RawArchInput): Arch {
  const shape = r.layers && r.hidden ? null : shapeFromParams(r.params ?? 7e9);
  const layers = r.layers ?? shape!.layers;
  const hidden = r.hidden ?? shape!.hidden;
  const heads = r.heads ?? Math.max(1, Math.round(hidden / 128));
  const headDim = r.headDim ?? hidden / heads;
  const kvHeads = r.kvHeads ?? (r.heads ? heads : Math.max(1, Math.round(heads / 4)));
  const vocab = r.vocab ?? 32000;
  let intermediate = r.intermediate ?? Math.round((hidden * 3.5) / 256) * 256;
  const experts = r.experts ?? 0;
  const moe: MoeArch | null = experts > 1
    ? {
        experts,
        activeExperts: Math.min(experts, r.activeExperts ?? 2),
        expertIntermediate: intermediate,
        sharedExperts: 0,
        sharedIntermediate: intermediate,
        denseLeadingLayers: 0,
        moeEvery: 1,
        latentSize: 0,
      }
    : null;
  const arch: Arch = {
    id: 'custom',
    name: 'Custom architecture',
    family: 'custom',
    layers, hidden, heads, kvHeads, headDim, vocab, intermediate,
    tied: false,
    attentionBias: false,
    attentionOutputGate: false,
    mlpGated: true,
    globalAttention: null,
    maxContext: 131072,
    moe,
    mla: null,
    layout: null,
    blockPattern: null,
    linearAttention: null,
    mamba: null,
    indexer: null,
    perLayerEmbedding: null,
    kvSharedLayers: 0,
    kvSharedLayersWideMlp: false,
    mtpLayers: 0,
    visionParams: 0,
    releasedFormat: 'BF16',
    paramsReported: r.params ?? null,
  };
  // With a parameter count and no explicit MLP width, fit the MLP width so the tensor total
  // matches the count (keeps `--params 70e9` honest when only some fields are given).
  if (r.params && r.intermediate === undefined) {
    const perLayerFixed = hidden * heads * headDim * 2 + hidden * kvHeads * headDim * 2 + hidden * 2;
    const embed = vocab * hidden * 2;
    const mlpPerUnit = 3 * hidden * (moe ? moe.experts : 1);
    const fitted = (r.params - embed - layers * perLayerFixed) / (layers * mlpPerUnit);
    if (Number.isFinite(fitted) && fitted >= 1) {
      // A multiple of 256, as real MLP widths are: K-quant blocks hold 256 weights, and a row length
      // that is not a multiple makes llama.cpp fall back to a larger type for ffn_down (which gave an
      // 8B "Q4_K_M" 7.5 bits per weight). Costs at most half a step of the count.
      intermediate = Math.max(256, Math.round(fitted / 256) * 256);
      arch.intermediate = intermediate;
      if (arch.moe) { arch.moe.expertIntermediate = intermediate; arch.moe.sharedIntermediate = intermediate; }
    }
  }
  return arch;
}

/**
 * A plausible Llama-like depth and width for a parameter count: params ≈ 13 x layers x hidden^2
 * with layers = hidden / 128 (Llama 3.1 8B: 32 x 4096; 70B: 80 x 8192). Hidden is rounded to 256
 * and layers follow hidden, so both grow with the count (a bigger model never gets fewer layers);
 * archFromRaw then fits the MLP width so the tensor total matches the count.
 */
export function shapeFromParams(params: number): { layers: number; hidden: number } {
  const p = Math.max(1e6, params);
  // params ≈ 13 * L * h^2 with L = h / 128  =>  h^3 ≈ 128 * p / 13
  let hidden = Math.cbrt((128 * p) / 13);
  hidden = Math.max(256, Math.round(hidden / 256) * 256);
  const layers = Math.max(1, Math.round(hidden / 128));
  return { layers, hidden };
}

/**
 * Layer kinds for attention: full, windowed (sliding or chunked), linear (Gated DeltaNet, a fixed
 * state), mamba (a Mamba-2 mixer, a fixed state) or none (an MLP-only block of a hybrid).
 */
export type AttnKind = 'full' | 'window' | 'linear' | 'mamba' | 'none';

/** Attention kind of layer `i` (0-based) under the model's block pattern or periodic layout. */
export function attnKindOf(a: Arch, i: number): AttnKind {
  if (a.blockPattern) {
    switch (a.blockPattern[i]) {
      case 'W': return 'window';
      case 'L': return 'linear';
      case 'M': case 'N': return 'mamba';
      case 'D': case 'E': return 'none';
      default: return 'full';
    }
  }
  const l = a.layout;
  if (!l) return 'full';
  const every = Math.max(1, l.fullEvery);
  const isFull = (l.fullPosition ?? 'last') === 'last' ? (i + 1) % every === 0 : i % every === 0;
  if (isFull) return 'full';
  return l.kind === 'linear' ? 'linear' : 'window';
}

/** True when layer `i` (0-based) keeps no KV cache of its own and attends over an earlier layer's. */
export function sharesKv(a: Arch, i: number): boolean {
  return i >= a.layers - a.kvSharedLayers;
}

/** True when layer `i` (0-based) has an MLP block at all (false for a hybrid's mixer-only blocks). */
export function hasMlp(a: Arch, i: number): boolean {
  const c = a.blockPattern?.[i];
  return c !== 'M' && c !== 'A';
}

/** True when layer `i` (0-based) is a mixture-of-experts layer. */
export function isMoeLayer(a: Arch, i: number): boolean {
  const m = a.moe;
  if (!m) return false;
  const c = a.blockPattern?.[i];
  if (c === 'E') return true;
  if (c === 'D' || c === 'M' || c === 'A') return false;
  if (i < m.denseLeadingLayers) return false;
  return (i + 1) % Math.max(1, m.moeEvery) === 0;
}

