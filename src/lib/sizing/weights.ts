/**
 * Weight memory, tensor by tensor.
 *
 * `tensorInventory(arch)` lists every tensor of the model the way a GGUF file names them
 * (token_embd, blk.N.attn_q, blk.N.ffn_down_exps, output, ...), with its element count and its row
 * length (ne[0], which decides the block-size fallbacks). `weightsFor(inventory, format, engine)`
 * then stores each tensor in the type the format gives it:
 *
 * - GGUF file types follow llama.cpp's `llama_tensor_get_type` (src/llama-quant.cpp, read at commit
 *   007dbbf3): output (and a tied token embedding) at Q6_K (Q5_K for the 1-2-bit i-quants, Q8_0 for
 *   MXFP4_MOE or rows not divisible by the block), attn_v and ffn_down raised in the layers
 *   `use_more_bits` picks for the _M mixes, the 70B-class attn_v bump, the 8-expert (Mixtral) rules,
 *   the 1-2-bit i-quant rules, and the fallback to 32-weight blocks when a row length is not a
 *   multiple of 256 (Qwen2.5-72B's 29568-wide ffn_down, gpt-oss's 2880-wide rows). Norms, biases
 *   and the MoE router stay F32. An importance matrix is assumed (as the widely used community
 *   files have), which only matters for a few IQ3/IQ4/Q4_0 rules.
 * - FP8 checkpoints: 1 byte per linear weight plus FP32 scales per 128x128 block; embeddings,
 *   output head, norms and router in BF16.
 * - INT8: 1 byte plus one BF16 scale per output row; the rest BF16.
 * - GPTQ/AWQ 4-bit, group 128: 4 bits plus an FP16 scale and a 4-bit zero point per 128 weights;
 *   embeddings, output head, norms and router in 16-bit (act-order index vectors are ignored).
 * - NVFP4: 4 bits plus an FP8 scale per 16 weights; the rest BF16.
 * - MXFP4: MoE expert tensors at 17 bytes per 32 weights; llama.cpp stores everything else that
 *   it quantizes as Q8_0, checkpoints for the other engines keep it in BF16.
 * - A custom bits-per-weight applies to every tensor.
 */
import { RUNTIME_OF, type EngineId } from '../vocabulary.ts';
import type { Arch } from './arch.ts';
import { attnKindOf, hasMlp, isMoeLayer, sharesKv } from './arch.ts';
import { ggmlFallback, ggmlTypes, ggufFileTypes, isGgufFileType } from '../catalog/ggml.ts';
import type { GgmlType, GgufFileType } from '../catalog/ggml.ts';

/** Broad tensor categories, as llama.cpp's `tensor_get_category` sorts them. */
export type TensorCategory =
  | 'token_embd' | 'per_layer_embd' | 'output' | 'attn_q' | 'attn_k' | 'attn_v' | 'attn_qkv' | 'attn_kv_b' | 'attn_output'
  | 'ffn_gate' | 'ffn_up' | 'ffn_down' | 'other' | 'norm' | 'router';

/** The lookup tables: a token reads one row of each, and llama.cpp keeps them in system memory. */
const isLookupTable = (c: TensorCategory): boolean => c === 'token_embd' || c === 'per_layer_embd';

/** One tensor (or a 3-D stack of expert tensors) of the model. */
export interface TensorInfo {
  /** Layer index, -1 for tensors outside the repeating blocks. */
  layer: number;
  /** llama.cpp's tensor name without the `blk.N.` prefix and `.weight` suffix (biases and small vectors grouped under one name). */
  name: string;
  category: TensorCategory;
  /** Number of weights. */
  elements: number;
  /** Row length (ne[0]): the dimension that must divide into quantization blocks. */
  rowLength: number;
  /** Routed-expert stack (3-D), the tensors MXFP4 and `--n-cpu-moe` act on. */
  routedExperts: boolean;
  /** Shared-expert tensor (always active). */
  shared: boolean;
}

/** The model's tensors, in GGUF order (by layer, then by name). */
export interface TensorInventory {
  arch: Arch;
  tensors: TensorInfo[];
  totalParams: number;
  /** Parameters touched per token: everything except the routed experts not chosen. */
  activeParams: number;
  /** Parameters of the lookup tables, token and per-layer embeddings (looked up, not multiplied, so not read in full per token). */
  embeddingParams: number;
  /** Parameters of the token embedding when it doubles as the output head (tied), else 0: multiplied in full per token. */
  tiedOutputParams: number;
  /** Routed-expert parameters (all experts). */
  routedExpertParams: number;
  /** Layers holding routed experts (mixture-of-experts layers), for the per-MoE-layer decode cost. */
  moeLayers: number;
}

/** How many layers hold routed-expert tensors. */
function moeLayersOf(tensors: readonly TensorInfo[]): number {
  const layers = new Set<number>();
  for (const x of tensors) if (x.routedExperts) layers.add(x.layer);
  return layers.size;
}

function t(layer: number, name: string, category: TensorCategory, rows: number, rowLength: number, routedExperts = false, shared = false): TensorInfo {
  return { layer, name, category, elements: rows * rowLength, rowLength, routedExperts, shared };
}

/**
 * Every tensor of the architecture: token embedding, per-layer mixer (grouped-query attention,
 * multi-head latent attention with DeepSeek Sparse Attention's indexer, Gated DeltaNet linear
 * attention, or a Mamba-2 mixer), dense or MoE MLP (routed stacks, shared expert, router, latent
 * projections), norms, and the output head unless tied. Multi-token-prediction layers are not
 * listed: no engine loads them for a plain decode (llama.cpp skips them at load, vLLM without a
 * speculative config). Tensor shapes follow llama.cpp's `llm_build_*` graphs for each family.
 */
export function tensorInventory(a: Arch): TensorInventory {
  const tensors: TensorInfo[] = [];
  const h = a.hidden;
  tensors.push(t(-1, 'token_embd', 'token_embd', a.vocab, h));
  const ple = a.perLayerEmbedding;
  if (ple) {
    // Gemma 4's per-layer embeddings (llama.cpp src/models/gemma4.cpp at 9af0434d): the table, the
    // projection of the hidden state to every layer's slice, and its norm.
    const width = ple.hiddenPerLayer * a.layers;
    tensors.push(t(-1, 'per_layer_token_embd', 'per_layer_embd', ple.vocab, width));
    tensors.push(t(-1, 'per_layer_model_proj', 'other', width, h));
    tensors.push(t(-1, 'per_layer_proj_norm', 'norm', 1, ple.hiddenPerLayer));
  }
  for (let i = 0; i < a.layers; i++) {
    // Names sort as attn_k, attn_kv_a..., attn_norm, attn_output, attn_q, attn_v, ffn_down, ffn_down_exps,
    // ffn_down_shexp, ffn_gate..., ffn_norm, ffn_up...: the counters below follow this order.
    const kind = attnKindOf(a, i);
    if (kind === 'linear') linearAttentionTensors(tensors, a, i);
    else if (kind === 'mamba') mambaTensors(tensors, a, i);
    else if (kind === 'none') tensors.push(t(i, 'attn_norm', 'norm', 1, h)); // the block's input norm
    else if (a.mla) {
      const m = a.mla;
      const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
      tensors.push(t(i, 'attn_kv_a_mqa', 'other', m.kvLoraRank + m.qkRopeHeadDim, h)); // attn_kv_a_mqa
      tensors.push(t(i, 'attn_kv_a_norm', 'norm', 1, m.kvLoraRank)); // attn_kv_a_norm
      tensors.push(t(i, 'attn_kv_b', 'attn_kv_b', a.heads * (m.qkNopeHeadDim + m.vHeadDim), m.kvLoraRank));
      tensors.push(t(i, 'attn_norm', 'norm', 1, h)); // attn_norm
      tensors.push(t(i, 'attn_output', 'attn_output', h, a.heads * m.vHeadDim));
      if (m.qLoraRank) {
        tensors.push(t(i, 'attn_q_a', 'other', m.qLoraRank, h)); // attn_q_a
        tensors.push(t(i, 'attn_q_a_norm', 'norm', 1, m.qLoraRank)); // attn_q_a_norm
        tensors.push(t(i, 'attn_q_b', 'other', a.heads * qk, m.qLoraRank)); // attn_q_b
      } else {
        tensors.push(t(i, 'attn_q', 'attn_q', a.heads * qk, h));
      }
      if (a.indexer) {
        // DeepSeek Sparse Attention's lightning indexer: query from the Q latent, one shared key, per-head weights.
        const x = a.indexer;
        tensors.push(t(i, 'indexer.attn_q_b', 'other', x.heads * x.headDim, m.qLoraRank ?? h)); // indexer.attn_q_b
        tensors.push(t(i, 'indexer.attn_k', 'other', x.headDim, h)); // indexer.attn_k
        tensors.push(t(i, 'indexer.k_norm', 'norm', 2, x.headDim)); // indexer.k_norm weight and bias
        tensors.push(t(i, 'indexer.proj', 'other', x.heads, h)); // indexer.proj
      }
    } else if (a.family === 'phi') {
      // Phi-3/Phi-4 keep Q, K and V fused in one attn_qkv tensor (llama.cpp's phi3 architecture),
      // which the mixture rules treat like attn_v.
      const q = a.heads * a.headDim;
      const kv = a.kvHeads * a.headDim;
      tensors.push(t(i, 'attn_norm', 'norm', 1, h)); // attn_norm
      tensors.push(t(i, 'attn_output', 'attn_output', h, q));
      tensors.push(t(i, 'attn_qkv', 'attn_qkv', q + 2 * kv, h));
      if (a.attentionBias) tensors.push(t(i, 'attn_qkv_bias', 'norm', 1, q + 2 * kv));
    } else {
      // Gemma 4's full-attention layers have their own KV heads and head size, and may share K as V.
      const g = kind === 'full' ? a.globalAttention : null;
      const headDim = g ? g.headDim : a.headDim;
      const q = a.heads * headDim;
      const kv = (g ? g.kvHeads : a.kvHeads) * headDim;
      // A layer that reads an earlier layer's cache needs no K or V projection (llama.cpp loads none).
      const ownKv = !sharesKv(a, i);
      if (ownKv) tensors.push(t(i, 'attn_k', 'attn_k', kv, h));
      tensors.push(t(i, 'attn_norm', 'norm', 1, h)); // attn_norm
      tensors.push(t(i, 'attn_output', 'attn_output', h, q));
      tensors.push(t(i, 'attn_q', 'attn_q', a.attentionOutputGate ? 2 * q : q, h));
      if (ownKv && !g?.kEqV) tensors.push(t(i, 'attn_v', 'attn_v', kv, h));
      if (a.attentionBias) tensors.push(t(i, 'attn_qkv_bias', 'norm', 1, q + 2 * kv)); // q/k/v biases, F32 like norms
      if (a.family === 'gpt-oss') tensors.push(t(i, 'attn_sinks', 'norm', 1, h + a.heads)); // output bias and attention sinks
    }
    if (ple) {
      tensors.push(t(i, 'inp_gate', 'other', ple.hiddenPerLayer, h)); // the layer's slice, gated by the hidden state
      tensors.push(t(i, 'post_norm', 'norm', 1, h));
      tensors.push(t(i, 'proj', 'other', h, ple.hiddenPerLayer)); // back to the hidden width
    }
    if (!hasMlp(a, i)) continue;
    const up = a.mlpGated ? 2 : 1;
    if (isMoeLayer(a, i)) {
      const m = a.moe!;
      const e = m.experts;
      const shInter = m.sharedExperts * m.sharedIntermediate;
      // Latent MoE: routed experts read and write a narrower latent, projected from and to the hidden state.
      const eh = m.latentSize > 0 ? m.latentSize : h;
      tensors.push(t(i, 'ffn_down_exps', 'ffn_down', e * eh, m.expertIntermediate, true)); // ffn_down_exps
      if (shInter > 0) tensors.push(t(i, 'ffn_down_shexp', 'ffn_down', h, shInter, false, true)); // ffn_down_shexp
      tensors.push(t(i, 'ffn_gate_inp', 'router', e, h)); // ffn_gate_inp: never quantized
      if (a.mlpGated) {
        tensors.push(t(i, 'ffn_gate_exps', 'ffn_gate', e * m.expertIntermediate, eh, true)); // ffn_gate_exps
        if (shInter > 0) tensors.push(t(i, 'ffn_gate_shexp', 'ffn_gate', shInter, h, false, true));
      }
      if (m.latentSize > 0) {
        tensors.push(t(i, 'ffn_latent_in', 'other', m.latentSize, h)); // latent down-projection
        tensors.push(t(i, 'ffn_latent_out', 'other', h, m.latentSize)); // latent up-projection
      }
      tensors.push(t(i, 'ffn_norm', 'norm', 1, h)); // ffn_norm
      tensors.push(t(i, 'ffn_up_exps', 'ffn_up', e * m.expertIntermediate, eh, true)); // ffn_up_exps
      if (shInter > 0) tensors.push(t(i, 'ffn_up_shexp', 'ffn_up', shInter, h, false, true));
      // gpt-oss gives every expert biases (gate, up, down), never quantized.
      if (a.family === 'gpt-oss') tensors.push({ ...t(i, 'ffn_exps_bias', 'norm', e, 2 * m.expertIntermediate + h), routedExperts: true });
    } else {
      const inter = a.kvSharedLayersWideMlp && sharesKv(a, i) ? 2 * a.intermediate : a.intermediate;
      tensors.push(t(i, 'ffn_down', 'ffn_down', h, inter));
      if (up === 2) tensors.push(t(i, 'ffn_gate', 'ffn_gate', inter, h));
      tensors.push(t(i, 'ffn_norm', 'norm', 1, h)); // ffn_norm
      tensors.push(t(i, 'ffn_up', 'ffn_up', inter, h));
    }
  }
  tensors.push(t(-1, 'output_norm', 'norm', 1, h)); // output_norm
  if (!a.tied) tensors.push(t(-1, 'output', 'output', a.vocab, h));

  let totalParams = 0;
  let routedExpertParams = 0;
  for (const x of tensors) {
    totalParams += x.elements;
    if (x.routedExperts) routedExpertParams += x.elements;
  }
  const activeShare = a.moe ? a.moe.activeExperts / a.moe.experts : 1;
  return {
    arch: a,
    tensors,
    totalParams,
    activeParams: totalParams - routedExpertParams * (1 - activeShare),
    embeddingParams: a.vocab * h + (ple ? ple.vocab * ple.hiddenPerLayer * a.layers : 0),
    tiedOutputParams: a.tied ? a.vocab * h : 0,
    routedExpertParams,
    moeLayers: moeLayersOf(tensors),
  };
}

/**
 * Gated DeltaNet layer (llama.cpp's qwen3next / qwen35 graphs): the fused Q, K, V and Z input
 * projection, the beta and alpha projection, the short convolution, decay and step vectors, the
 * gated norm and the output projection.
 */
function linearAttentionTensors(out: TensorInfo[], a: Arch, i: number): void {
  const g = a.linearAttention;
  const h = a.hidden;
  if (!g) {
    // A linear layout without its shape (older catalog rows): counted like an attention layer.
    const q = a.heads * a.headDim;
    const kv = a.kvHeads * a.headDim;
    out.push(t(i, 'attn_k', 'attn_k', kv, h), t(i, 'attn_norm', 'norm', 1, h), t(i, 'attn_output', 'attn_output', h, q), t(i, 'attn_q', 'attn_q', q, h), t(i, 'attn_v', 'attn_v', kv, h));
    return;
  }
  const keyDim = g.keyHeads * g.keyHeadDim;
  const valueDim = g.valueHeads * g.valueHeadDim;
  const convDim = 2 * keyDim + valueDim;
  out.push(t(i, 'attn_qkv', 'other', convDim + valueDim, h)); // attn_qkv + attn_gate (Z)
  out.push(t(i, 'attn_norm', 'norm', 1, h)); // attn_norm
  out.push(t(i, 'ssm_beta_alpha', 'other', 2 * g.valueHeads, h)); // ssm_beta_alpha
  out.push(t(i, 'ssm_conv1d', 'norm', convDim, g.convKernel)); // ssm_conv1d: F32, not quantized
  out.push(t(i, 'ssm_a', 'norm', 2 * g.valueHeads + g.valueHeadDim, 1)); // ssm_a, ssm_dt, ssm_norm
  out.push(t(i, 'ssm_out', 'other', h, valueDim)); // ssm_out
}

/**
 * Mamba-2 mixer (llama.cpp's mamba2 / nemotron_h / granitehybrid graphs): input projection to
 * z, x, B, C and dt, the short convolution with its bias, per-head A, D and dt bias, the gated
 * group norm and the output projection.
 */
function mambaTensors(out: TensorInfo[], a: Arch, i: number): void {
  const m = a.mamba;
  const h = a.hidden;
  if (!m) { out.push(t(i, 'attn_norm', 'norm', 1, h)); return; }
  const inner = m.heads * m.headDim;
  const convDim = inner + 2 * m.groups * m.stateSize;
  out.push(t(i, 'attn_norm', 'norm', 1, h)); // attn_norm
  out.push(t(i, 'ssm_in', 'other', inner + convDim + m.heads, h)); // ssm_in
  out.push(t(i, 'ssm_conv1d', 'norm', convDim, m.convKernel + 1)); // ssm_conv1d weight and bias: F32
  out.push(t(i, 'ssm_a', 'norm', 3 * m.heads + inner, 1)); // ssm_a, ssm_d, ssm_dt bias, ssm_norm
  out.push(t(i, 'ssm_out', 'other', h, inner)); // ssm_out
}

/** A weight format as the weights module understands it. */
export type WeightFormat =
  | { kind: 'gguf'; fileType: GgufFileType }
  | { kind: 'float'; bytes: number }
  | { kind: 'fp8' } | { kind: 'int8' } | { kind: 'int4-group' } | { kind: 'nvfp4' } | { kind: 'mxfp4' }
  | { kind: 'bpw'; bitsPerWeight: number }
  | { kind: 'mlx'; bits: number; groupSize: number; microscaling: boolean };

/**
 * The weight format for a quant id under an engine. GGUF ids give llama.cpp's mixtures; F16, BF16
 * and F32 under llama.cpp are GGUF files too (norms in F32). Returns null for an unknown id.
 */
export function weightFormatFor(quantId: string, engine: EngineId): WeightFormat | null {
  if (RUNTIME_OF[engine] === 'llama.cpp' && isGgufFileType(quantId)) return { kind: 'gguf', fileType: quantId };
  switch (quantId) {
    case 'F32': return { kind: 'float', bytes: 4 };
    case 'F16': case 'BF16': return { kind: 'float', bytes: 2 };
    case 'FP8': return { kind: 'fp8' };
    case 'INT8': return { kind: 'int8' };
    case 'GPTQ-INT4': case 'AWQ-INT4': return { kind: 'int4-group' };
    case 'NVFP4': return { kind: 'nvfp4' };
    case 'MXFP4': return { kind: 'mxfp4' };
    case 'MLX-Q4': case 'MLX-Q5': case 'MLX-Q6': case 'MLX-Q8': return { kind: 'mlx', bits: Number(quantId.slice(5)), groupSize: 64, microscaling: false };
    case 'MLX-MXFP4': return { kind: 'mlx', bits: 4, groupSize: 32, microscaling: true };
    default:
      return isGgufFileType(quantId) ? { kind: 'gguf', fileType: quantId } : null;
  }
}

/** Bytes of weights, split the way placement and speed need them. */
export interface WeightBreakdown {
  /** Everything as stored (GGUF tensor data or checkpoint), bytes. */
  totalBytes: number;
  /**
   * Lookup tables: the token embedding and any per-layer embeddings, bytes. llama.cpp keeps them in
   * system memory; a token reads one row of each.
   */
  embeddingBytes: number;
  /** The token embedding when it doubles as the output head (tied embeddings), else 0, bytes: read in full per token. */
  tiedOutputBytes: number;
  /** Output head and final norm, bytes (with a tied embedding: the final norm only). */
  outputBytes: number;
  /** Per repeating layer: all tensors of the layer, bytes. */
  layerBytes: Float64Array;
  /** Per repeating layer: routed-expert stacks only, bytes (subset of layerBytes). */
  layerExpertBytes: Float64Array;
  /** Prefix sums of layerBytes and layerExpertBytes (length layers + 1). */
  prefixLayer: Float64Array;
  prefixExpert: Float64Array;
  /** All routed-expert bytes (sum of layerExpertBytes). */
  expertBytes: number;
  /** Bytes read per generated token at batch 1: all but the unchosen routed experts and the embedding table. */
  activeBytes: number;
  /** GGML type chosen for each tensor (GGUF formats only; filled only when asked with `withTypes`). */
  types: (GgmlType | null)[];
}

const BF16 = 2;

function usesMoreBits(i: number, n: number): boolean {
  const n8 = Math.trunc(n / 8);
  return i < n8 || i >= Math.trunc((7 * n) / 8) || (i - n8) % 3 === 2;
}

const IQ12: ReadonlySet<GgufFileType> = new Set(['IQ2_XXS', 'IQ2_XS', 'IQ1_S', 'IQ2_M', 'IQ1_M']);

/** Counters llama.cpp keeps while it walks the tensors (quantize_state_impl). */
interface QuantState {
  nAttnV: number; iAttnV: number; nFfnDown: number; iFfnDown: number;
}

/**
 * llama.cpp's choice of type for one quantizable tensor in a file of type `ft`
 * (`llama_tensor_get_type_impl` plus `tensor_type_fallback`). Rules for architectures the engine
 * does not model (Falcon, BailingMoE, fused QKV) are left out.
 */
function ggufTensorType(ft: GgufFileType, x: TensorInfo, a: Arch, qs: QuantState): GgmlType {
  const base = ggufFileTypes[ft] as GgmlType;
  let type: GgmlType = base;
  const nExpert = a.moe ? a.moe.experts : 0;
  const nGqa = a.kvHeads > 0 ? a.heads / a.kvHeads : 1;
  const nLayer = a.layers;
  // llama.cpp's LLM_TYPE_70B: the 80-layer Llama-class and Qwen2-class dense models.
  const is70B = a.layers === 80 && !a.moe && !a.mla && a.kvHeads < a.heads;
  const cat = x.category;
  // llama.cpp's category_is_attn_v: V, fused QKV and MLA's kv_b take the attn_v rules.
  const attnVLike = cat === 'attn_v' || cat === 'attn_qkv' || cat === 'attn_kv_b';
  const isOutput = cat === 'output' || (a.tied && cat === 'token_embd');

  if (isOutput) {
    if (ft === 'MXFP4') type = 'Q8_0';
    else if (x.rowLength % ggmlTypes[base].blockWeights !== 0) type = 'Q8_0';
    else if (IQ12.has(ft) || ft === 'IQ3_XXS') type = 'Q5_K';
    else if (base !== 'Q8_0') type = 'Q6_K';
  } else if (ft === 'MXFP4') {
    type = x.routedExperts ? 'MXFP4' : 'Q8_0';
  } else if (isLookupTable(cat)) {
    // llama-quant.cpp gives per_layer_token_embd the token embedding's rules.
    if (ft === 'IQ2_XXS' || ft === 'IQ2_XS' || ft === 'IQ1_S' || ft === 'IQ1_M') type = 'Q2_K';
    else if (ft === 'IQ2_M' || ft === 'IQ3_XXS') type = 'IQ3_S';
  } else if (IQ12.has(ft)) {
    if (attnVLike) {
      type = nGqa >= 4 || nExpert >= 4 ? 'Q4_K' : ft === 'IQ2_M' ? 'IQ3_S' : 'Q2_K';
      qs.iAttnV++;
    } else if (nExpert === 8 && cat === 'attn_k') {
      type = 'Q4_K';
    } else if (cat === 'ffn_down') {
      if (qs.iFfnDown < Math.trunc(qs.nFfnDown / 8)) type = ft === 'IQ2_M' ? 'IQ3_S' : 'Q2_K';
      qs.iFfnDown++;
    } else if (cat === 'attn_output') {
      if (nExpert === 8) type = 'Q5_K';
      else if (ft === 'IQ1_S' || ft === 'IQ1_M') type = 'IQ2_XXS';
      else if (ft === 'IQ2_M') type = 'IQ3_S';
    }
  } else if (attnVLike) {
    const i = qs.iAttnV;
    if (ft === 'Q2_K') type = nGqa >= 4 ? 'Q4_K' : 'Q3_K';
    else if (ft === 'IQ3_XXS') type = nGqa >= 4 ? 'Q4_K' : 'IQ3_XXS';
    else if (ft === 'IQ3_M') type = 'Q4_K';
    else if (ft === 'Q3_K_M') type = i < 2 ? 'Q5_K' : 'Q4_K';
    else if (ft === 'Q3_K_L') type = 'Q5_K';
    else if ((ft === 'IQ4_NL' || ft === 'IQ4_XS') && nGqa >= 4) type = 'Q5_K';
    else if ((ft === 'Q4_K_M' || ft === 'Q5_K_M') && usesMoreBits(i, qs.nAttnV)) type = 'Q6_K';
    else if (ft === 'Q4_K_S' && i < 4) type = 'Q5_K';
    if (is70B && (type === 'Q3_K' || type === 'Q4_K')) type = 'Q5_K';
    if (nExpert === 8) type = 'Q8_0';
    qs.iAttnV++;
  } else if (cat === 'attn_k') {
    if (nExpert === 8) type = 'Q8_0';
    else if (ft === 'IQ3_XXS') type = 'IQ2_S';
  } else if (cat === 'attn_q') {
    if (ft === 'IQ3_XXS') type = 'IQ2_S';
  } else if (cat === 'ffn_down') {
    // Non-MoE models count ffn_down tensors; MoE models read the layer from the tensor name.
    const iLayer = nExpert > 1 ? x.layer : qs.iFfnDown;
    const n = nLayer;
    if (ft === 'Q2_K') type = 'Q3_K';
    else if (ft === 'Q3_K_M') type = iLayer < Math.trunc(n / 16) ? 'Q5_K' : 'Q4_K';
    else if (ft === 'IQ3_M' && (iLayer < Math.trunc(n / 8) || (nExpert === 8 && usesMoreBits(iLayer, n)))) type = 'Q4_K';
    else if (ft === 'Q3_K_L') type = 'Q5_K';
    else if (ft === 'Q4_K_M') { if (usesMoreBits(iLayer, n)) type = 'Q6_K'; }
    else if (ft === 'Q5_K_M' && usesMoreBits(iLayer, n)) type = 'Q6_K';
    else if (ft === 'Q4_K_S' && iLayer < Math.trunc(n / 8)) type = 'Q5_K';
    else if ((ft === 'Q4_0' || ft === 'Q5_0') && iLayer < Math.trunc(n / 8)) type = ft === 'Q4_0' ? 'Q4_1' : 'Q5_1';
    qs.iFfnDown++;
  } else if (cat === 'attn_output') {
    if (nExpert === 8) {
      if (ft === 'Q2_K' || ft === 'IQ3_XXS' || ft === 'Q3_K_S' || ft === 'Q3_K_M' || ft === 'IQ4_NL' ||
          ft === 'Q4_K_S' || ft === 'Q4_K_M' || ft === 'IQ3_M' || ft === 'IQ4_XS') type = 'Q5_K';
    } else if (ft === 'Q2_K') type = 'Q3_K';
    else if (ft === 'IQ3_XXS') type = 'IQ3_S';
    else if (ft === 'Q3_K_M') type = 'Q4_K';
    else if (ft === 'Q3_K_L') type = 'Q5_K';
    else if (ft === 'IQ3_M') type = 'Q4_K';
  }
  return ggmlFallback(type, x.rowLength);
}

function tensorBytesNonGguf(f: Exclude<WeightFormat, { kind: 'gguf' }>, x: TensorInfo, engine: EngineId, hasExperts: boolean): number {
  const linear = !isLookupTable(x.category) && x.category !== 'output' && x.category !== 'norm' && x.category !== 'router';
  const n = x.elements;
  switch (f.kind) {
    case 'float':
      // GGUF float files (llama.cpp) keep norms, biases and the router in F32.
      if (RUNTIME_OF[engine] === 'llama.cpp' && (x.category === 'norm' || x.category === 'router')) return n * 4;
      return n * f.bytes;
    case 'bpw':
      return (n * f.bitsPerWeight) / 8;
    case 'fp8':
      return linear ? n * (1 + 4 / 16384) : n * BF16;
    case 'int8':
      return linear ? n * (1 + BF16 / x.rowLength) : n * BF16;
    case 'int4-group':
      return linear ? n * (0.5 + 2.5 / 128) : n * BF16;
    case 'nvfp4':
      return linear ? n * (0.5 + 1 / 16) : n * BF16;
    case 'mlx': {
      // mlx-lm quantizes Linear and Embedding layers whose rows divide into groups; the affine
      // formats keep a 16-bit scale and bias per group, mxfp4 an 8-bit scale; MoE routers at 8 bits.
      if (x.category === 'norm') return n * BF16;
      if (x.category === 'router') return (n * (8 + 32 / 64)) / 8;
      if (x.rowLength % f.groupSize !== 0) return n * BF16;
      return (n * (f.bits + (f.microscaling ? 8 : 32) / f.groupSize)) / 8;
    }
    case 'mxfp4': {
      const mx = 17 / 32;
      if (RUNTIME_OF[engine] === 'llama.cpp') {
        if (x.category === 'norm' || x.category === 'router') return n * 4;
        if (x.routedExperts) return n * mx;
        const q8 = ggmlFallback('Q8_0', x.rowLength);
        return (n / ggmlTypes[q8].blockWeights) * ggmlTypes[q8].blockBytes;
      }
      if (x.routedExperts) return n * mx;
      // Dense models: MXFP4 on every linear layer; MoE checkpoints keep non-expert tensors in BF16.
      return linear && !hasExperts ? n * mx : n * BF16;
    }
  }
}

/**
 * Bytes of every tensor of `inv` in format `f` as `engine` stores them, summed into the parts
 * placement and speed need. Pure; cache the result per (model, format, engine). `withTypes` also
 * returns the GGML type of every tensor (slower; for tests and explanations).
 */
export function weightsFor(inv: TensorInventory, f: WeightFormat, engine: EngineId, withTypes = false): WeightBreakdown {
  const a = inv.arch;
  const layerBytes = new Float64Array(a.layers);
  const layerExpertBytes = new Float64Array(a.layers);
  const types: (GgmlType | null)[] = [];
  let total = 0;
  let embeddingBytes = 0;
  let tiedOutputBytes = 0;
  let outputBytes = 0;
  const hasExperts = inv.routedExpertParams > 0;
  const qs: QuantState = { nAttnV: 0, iAttnV: 0, nFfnDown: a.layers, iFfnDown: 0 };
  if (f.kind === 'gguf') for (const x of inv.tensors) if (x.category === 'attn_v' || x.category === 'attn_qkv' || x.category === 'attn_kv_b') qs.nAttnV++;
  const ggufBase = f.kind === 'gguf' ? (ggufFileTypes[f.fileType] as GgmlType) : null;
  const ggufIsFloat = ggufBase === 'F32' || ggufBase === 'F16' || ggufBase === 'BF16';
  // Models released with MXFP4 experts (gpt-oss): the GGUF files of every type keep the experts in
  // MXFP4 (requantizing them gains nothing), e.g. unsloth's gpt-oss-20b "F16" is 13.8 GB, not 42 GB.
  const keepMxfp4Experts = f.kind === 'gguf' && a.releasedFormat === 'MXFP4';

  for (const x of inv.tensors) {
    let bytes: number;
    if (f.kind === 'gguf') {
      let type: GgmlType;
      if (x.category === 'norm' || x.category === 'router') type = 'F32';
      else if (keepMxfp4Experts && x.routedExperts) type = 'MXFP4';
      else if (ggufIsFloat) type = ggufBase!;
      else type = ggufTensorType(f.fileType, x, a, qs);
      if (withTypes) types.push(type);
      const l = ggmlTypes[type];
      bytes = (x.elements / l.blockWeights) * l.blockBytes;
    } else {
      if (withTypes) types.push(null);
      bytes = tensorBytesNonGguf(f, x, engine, hasExperts);
    }
    total += bytes;
    if (x.layer >= 0) {
      layerBytes[x.layer]! += bytes;
      if (x.routedExperts) layerExpertBytes[x.layer]! += bytes;
    } else if (isLookupTable(x.category)) {
      embeddingBytes += bytes;
      if (a.tied && x.category === 'token_embd') tiedOutputBytes += bytes;
    } else outputBytes += bytes;
  }
  return breakdownOf(a, { totalBytes: total, embeddingBytes, tiedOutputBytes, outputBytes, layerBytes, layerExpertBytes, types });
}

/**
 * A weight breakdown from the bytes of each part: prefix sums for placement, and the bytes a token
 * reads at batch 1 (a tied embedding doubles as the output head, which reads it in full every token).
 */
function breakdownOf(a: Arch, p: Pick<WeightBreakdown, 'totalBytes' | 'embeddingBytes' | 'tiedOutputBytes' | 'outputBytes' | 'layerBytes' | 'layerExpertBytes' | 'types'>): WeightBreakdown {
  const activeShare = a.moe ? a.moe.activeExperts / a.moe.experts : 1;
  let active = p.outputBytes + p.tiedOutputBytes;
  let expertBytes = 0;
  const prefixLayer = new Float64Array(a.layers + 1);
  const prefixExpert = new Float64Array(a.layers + 1);
  for (let i = 0; i < a.layers; i++) {
    active += p.layerBytes[i]! - p.layerExpertBytes[i]! * (1 - activeShare);
    expertBytes += p.layerExpertBytes[i]!;
    prefixLayer[i + 1] = prefixLayer[i]! + p.layerBytes[i]!;
    prefixExpert[i + 1] = prefixExpert[i]! + p.layerExpertBytes[i]!;
  }
  return { ...p, prefixLayer, prefixExpert, expertBytes, activeBytes: active };
}

/** The parts of a GGUF import the weights module reads (see import/gguf.ts). */
export interface GgufTensorsInput {
  tensors: readonly { layer: number; part: 'embedding' | 'per-layer-embedding' | 'output' | 'layer' | 'skipped'; routedExperts: boolean; bytes: number; elements: number; rowLength: number; type: GgmlType }[];
}

/** The weight breakdown of a GGUF file's own tensors as llama.cpp loads them (skipped next-n layers left out). */
export function weightsFromGguf(a: Arch, g: GgufTensorsInput): WeightBreakdown {
  const layerBytes = new Float64Array(a.layers);
  const layerExpertBytes = new Float64Array(a.layers);
  let total = 0;
  let embeddingBytes = 0;
  let tiedOutputBytes = 0;
  let outputBytes = 0;
  const types: (GgmlType | null)[] = [];
  for (const x of g.tensors) {
    if (x.part === 'skipped') continue;
    types.push(x.type);
    total += x.bytes;
    if (x.part === 'layer') {
      layerBytes[x.layer]! += x.bytes;
      if (x.routedExperts) layerExpertBytes[x.layer]! += x.bytes;
    } else if (x.part === 'embedding' || x.part === 'per-layer-embedding') {
      embeddingBytes += x.bytes;
      if (a.tied && x.part === 'embedding') tiedOutputBytes += x.bytes;
    } else outputBytes += x.bytes;
  }
  return breakdownOf(a, { totalBytes: total, embeddingBytes, tiedOutputBytes, outputBytes, layerBytes, layerExpertBytes, types });
}

/** A tensor inventory of a GGUF file's loaded tensors: the parameter counts come from the file, not from the shapes. */
export function inventoryFromGguf(a: Arch, g: GgufTensorsInput): TensorInventory {
  const tensors: TensorInfo[] = [];
  let totalParams = 0;
  let routedExpertParams = 0;
  let embeddingParams = 0;
  let tiedOutputParams = 0;
  for (const x of g.tensors) {
    if (x.part === 'skipped') continue;
    const category: TensorCategory = x.part === 'embedding' ? 'token_embd' : x.part === 'per-layer-embedding' ? 'per_layer_embd' : x.part === 'output' ? 'output' : 'other';
    tensors.push({ layer: x.layer, name: '', category, elements: x.elements, rowLength: x.rowLength, routedExperts: x.routedExperts, shared: false });
    totalParams += x.elements;
    if (x.routedExperts) routedExpertParams += x.elements;
    if (x.part === 'embedding' || x.part === 'per-layer-embedding') embeddingParams += x.elements;
    if (a.tied && x.part === 'embedding') tiedOutputParams += x.elements;
  }
  const activeShare = a.moe ? a.moe.activeExperts / a.moe.experts : 1;
  return { arch: a, tensors, totalParams, activeParams: totalParams - routedExpertParams * (1 - activeShare), embeddingParams, tiedOutputParams, routedExpertParams, moeLayers: moeLayersOf(tensors) };
}
