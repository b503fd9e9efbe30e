/**
 * A model from a GGUF file's header: the architecture from its metadata (llama.cpp's key names,
 * `src/llama-arch.cpp`), and the weights from its own tensor infos, so any mix of types counts
 * exactly (unsloth's dynamic mixes, imatrix mixes, MXFP4 experts). Tensors llama.cpp skips at load
 * (the next-n / MTP layers after the trunk) count in the file size only.
 *
 * The header is untrusted: values are checked for type and range, strings are never echoed
 * unescaped, and an architecture whose KV cache is not modelled still gets exact weights, with a
 * note saying so.
 */
import { ggmlTypes, type GgmlType } from '../catalog/ggml.ts';
import type { AttentionLayout, ModelEntry, MoeLayout } from '../catalog/types.ts';
import { excerpt, InputError } from '../request.ts';

/** One tensor of a GGUF header: its name, GGML type (name or numeric id) and dimensions (ne[0] first). */
export interface GgufTensorEntry { name: string; type: number | string; dims: readonly number[] }

/**
 * What the engine needs of a GGUF header, as plain data: the metadata (scalars and short arrays;
 * long arrays may be given as their length only) and the tensor infos of every shard. Built by the
 * CLI from @huggingface/gguf and by the browser from the built-in header reader.
 */
export type GgufModelSource = {
  metadata: Readonly<Record<string, unknown>>;
  tensors: readonly GgufTensorEntry[];
};

/** GGML type names by numeric id (ggml.h `enum ggml_type`), for the types in the catalog's block table. */
const GGML_NAME_BY_ID: Readonly<Record<number, GgmlType>> = {
  0: 'F32', 1: 'F16', 2: 'Q4_0', 3: 'Q4_1', 6: 'Q5_0', 7: 'Q5_1', 8: 'Q8_0', 10: 'Q2_K', 11: 'Q3_K', 12: 'Q4_K',
  13: 'Q5_K', 14: 'Q6_K', 16: 'IQ2_XXS', 17: 'IQ2_XS', 18: 'IQ3_XXS', 19: 'IQ1_S', 20: 'IQ4_NL', 21: 'IQ3_S',
  22: 'IQ2_S', 23: 'IQ4_XS', 29: 'IQ1_M', 30: 'BF16', 34: 'TQ1_0', 35: 'TQ2_0', 39: 'MXFP4',
} as Record<number, GgmlType>;

/** The catalog's GGML type of a tensor type (id or name), or null when it is not one the catalog knows. */
export function ggmlTypeOf(type: number | string): GgmlType | null {
  if (typeof type === 'number') return GGML_NAME_BY_ID[type] ?? null;
  const name = type.toUpperCase();
  return name in ggmlTypes ? (name as GgmlType) : null;
}

/** llama.cpp's `general.file_type` values (llama.h `llama_ftype`) as the catalog names them. */
const FILE_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'F32', 1: 'F16', 2: 'Q4_0', 3: 'Q4_1', 7: 'Q8_0', 8: 'Q5_0', 9: 'Q5_1', 10: 'Q2_K', 11: 'Q3_K_S', 12: 'Q3_K_M',
  13: 'Q3_K_L', 14: 'Q4_K_S', 15: 'Q4_K_M', 16: 'Q5_K_S', 17: 'Q5_K_M', 18: 'Q6_K', 19: 'IQ2_XXS', 20: 'IQ2_XS',
  21: 'Q2_K_S', 22: 'IQ3_XS', 23: 'IQ3_XXS', 24: 'IQ1_S', 25: 'IQ4_NL', 26: 'IQ3_S', 27: 'IQ3_M', 28: 'IQ2_S',
  29: 'IQ2_M', 30: 'IQ4_XS', 31: 'IQ1_M', 32: 'BF16', 36: 'TQ1_0', 37: 'TQ2_0', 38: 'MXFP4_MOE',
};

/** Bytes of one tensor in its own type, or null for a type the catalog has no block size for. */
function tensorBytesOf(x: GgufTensorEntry): number | null {
  const t = ggmlTypeOf(x.type);
  if (!t) return null;
  const l = ggmlTypes[t];
  let n = 1;
  for (const d of x.dims) n *= d;
  if (x.dims[0]! % l.blockWeights !== 0) return null;
  return (n / l.blockWeights) * l.blockBytes;
}

/** Where a tensor's bytes go in the weight breakdown. */
export interface GgufTensorPlace {
  /** Trunk layer, or -1 outside the repeating layers. */
  layer: number;
  /**
   * 'embedding' (the token embedding) and 'per-layer-embedding' (Gemma's per-layer table): lookup
   * tables llama.cpp keeps in system memory; 'output', 'layer', or 'skipped' (next-n layers).
   */
  part: 'embedding' | 'per-layer-embedding' | 'output' | 'layer' | 'skipped';
  routedExperts: boolean;
  bytes: number;
  elements: number;
  rowLength: number;
  type: GgmlType;
}

/** A model read from a GGUF header. */
export interface GgufImport {
  model: ModelEntry;
  tensors: GgufTensorPlace[];
  /** Bytes of every tensor in the file (the loaded ones and the skipped next-n layers). */
  fileBytes: number;
  /** The file's type as llama.cpp names it (`general.file_type`), or 'mixed'. */
  fileTypeLabel: string;
  /** False when the architecture's KV cache or state is not modelled (the weights still are exact). */
  kvModelled: boolean;
  notes: string[];
}

/** Architectures whose layers are Gated DeltaNet linear attention where they carry recurrent state. */
const LINEAR_ATTENTION_ARCHS = new Set(['qwen3next', 'qwen35', 'qwen35moe']);
/** Architectures with multi-head latent attention. */
const MLA_ARCHS = new Set(['deepseek2', 'deepseek32', 'glm-dsa']);
/** Architectures whose KV cache and state the engine models. */
const MODELLED_ARCHS = new Set([
  'llama', 'qwen2', 'qwen3', 'qwen2moe', 'qwen3moe', 'qwen3next', 'qwen35', 'qwen35moe', 'phi3', 'granite', 'olmo2',
  'gemma2', 'gemma3', 'gemma4', 'gpt-oss', 'llama4', 'deepseek2', 'deepseek32', 'glm-dsa', 'glm4moe', 'minimax-m2',
  'nemotron_h', 'nemotron_h_moe', 'granitehybrid', 'mistral3',
]);

class Meta {
  readonly md: Readonly<Record<string, unknown>>;
  readonly arch: string;
  constructor(md: Readonly<Record<string, unknown>>, arch: string) {
    this.md = md;
    this.arch = arch;
  }

  raw(key: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.md, `${this.arch}.${key}`) ? this.md[`${this.arch}.${key}`] : undefined;
  }

  /** A whole number from the key, or from the largest of a per-layer array; undefined when absent. */
  opt(key: string, max: number, min = 0): number | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    const n = Array.isArray(v) ? Math.max(...v.map(Number)) : Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InputError('gguf', `GGUF: "${excerpt(`${this.arch}.${key}`)}" must be a whole number from ${min} to ${max}`);
    return n;
  }

  int(key: string, max: number, min = 1): number {
    const n = this.opt(key, max, min);
    if (n === undefined) throw new InputError('gguf', `GGUF: missing "${excerpt(`${this.arch}.${key}`)}"`);
    return n;
  }

  /** A per-layer array of whole numbers (or one number for every layer). */
  perLayer(key: string, layers: number): number[] | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    const arr = Array.isArray(v) ? v.map(Number) : new Array<number>(layers).fill(Number(v));
    if (arr.length < layers || arr.some((n) => !Number.isInteger(n) || n < 0 || n > 1e6)) throw new InputError('gguf', `GGUF: "${excerpt(`${this.arch}.${key}`)}" must give a whole number per layer`);
    return arr;
  }

  bools(key: string, layers: number): boolean[] | undefined {
    const v = this.raw(key);
    if (!Array.isArray(v)) return undefined;
    if (v.length < layers) throw new InputError('gguf', `GGUF: "${excerpt(`${this.arch}.${key}`)}" must give a value per layer`);
    return v.map((x) => x === true || x === 1);
  }
}

/**
 * Windowed-layer periods llama.cpp sets in code rather than metadata (`hparams.set_swa_pattern`):
 * one layer in every N is full attention, the last of each period.
 */
const SWA_PERIOD_BY_ARCH: Readonly<Record<string, number>> = { gemma2: 2, gemma3: 6, 'gpt-oss': 2, llama4: 4 };

const BLK = /^blk\.(\d{1,5})\./;

/** A header from the built-in reader (import/gguf-reader.ts) as the engine's plain GGUF source. */
export function sourceFromHeader(header: { metadata: ReadonlyMap<string, unknown>; tensors: readonly { name: string; type: number; dims: readonly number[] }[] }): GgufModelSource {
  const metadata = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of header.metadata) metadata[k] = v;
  return { metadata, tensors: header.tensors.map((t) => ({ name: t.name, type: t.type, dims: t.dims })) };
}

/** The model of a GGUF header (all shards' tensors together). Throws InputError('gguf', ...) on what it cannot read. */
export function modelFromGguf(src: GgufModelSource): GgufImport {
  if (src === null || typeof src !== 'object' || typeof src.metadata !== 'object' || !Array.isArray(src.tensors)) {
    throw new InputError('gguf', 'GGUF: not a header (metadata and tensors expected)');
  }
  const md = src.metadata;
  const archName = md['general.architecture'];
  if (typeof archName !== 'string' || archName === '' || archName.length > 64) throw new InputError('gguf', 'GGUF: missing "general.architecture"');
  const g = new Meta(md, archName);
  const notes: string[] = [];
  if (src.tensors.length === 0) throw new InputError('gguf', 'GGUF: the header lists no tensors');

  const blockCount = g.int('block_count', 4000);
  const nextn = g.opt('nextn_predict_layers', blockCount - 1) ?? 0;
  const layers = blockCount - nextn;
  const hidden = g.int('embedding_length', 262_144);

  // Tensors: type, bytes and place.
  const tensors: GgufTensorPlace[] = [];
  const names = new Map<number, Set<string>>();
  let fileBytes = 0;
  let vocab = 0;
  for (const x of src.tensors) {
    const dims: readonly unknown[] = Array.isArray(x?.dims) ? x.dims : [];
    if (typeof x?.name !== 'string' || dims.length === 0 || dims.length > 4 || dims.some((d) => typeof d !== 'number' || !Number.isSafeInteger(d) || d < 1)) {
      throw new InputError('gguf', 'GGUF: a tensor info is malformed');
    }
    const type = ggmlTypeOf(x.type);
    const bytes = tensorBytesOf(x);
    if (type === null || bytes === null) throw new InputError('gguf', `GGUF: tensor "${excerpt(x.name)}" has a type this estimate has no block size for (${excerpt(String(x.type), 12)})`);
    const elements = x.dims.reduce((p: number, d: number) => p * d, 1);
    fileBytes += bytes;
    const m = BLK.exec(x.name);
    const layer = m ? Number(m[1]) : -1;
    let part: GgufTensorPlace['part'];
    if (layer >= 0) {
      part = layer < layers ? 'layer' : 'skipped';
      if (layer < layers) {
        let set = names.get(layer);
        if (!set) names.set(layer, (set = new Set()));
        set.add(x.name.slice(m![0].length));
      }
    } else if (x.name.startsWith('token_embd')) part = 'embedding';
    else if (x.name.startsWith('per_layer_token_embd')) part = 'per-layer-embedding';
    else if (x.name.startsWith('mtp.') || x.name.startsWith('nextn.')) part = 'skipped';
    else part = 'output';
    if (x.name === 'token_embd.weight') vocab = x.dims[1] ?? 0;
    tensors.push({ layer: part === 'layer' ? layer : -1, part, routedExperts: x.name.includes('_exps'), bytes, elements, rowLength: x.dims[0]!, type });
  }
  if (vocab < 1) throw new InputError('gguf', 'GGUF: no token_embd.weight tensor');
  const tied = !src.tensors.some((x) => x.name === 'output.weight');

  // Architecture.
  const heads = g.int('attention.head_count', 4096);
  const kvPerLayer = g.perLayer('attention.head_count_kv', layers);
  const kvHeadsMax = kvPerLayer ? Math.max(...kvPerLayer.slice(0, layers)) : heads;
  const keyLength = g.opt('attention.key_length', 8192, 1) ?? Math.floor(hidden / heads);
  const keyLengthSwa = g.opt('attention.key_length_swa', 8192, 1);
  const kvShared = g.opt('attention.shared_kv_layers', layers - 1, 0) ?? 0;
  // Gemma 4's KV-sharing layers may have an MLP twice as wide as the others (use_double_wide_mlp).
  const ffPerLayer = kvShared > 0 ? g.perLayer('feed_forward_length', layers) : undefined;
  const wideMlp = ffPerLayer !== undefined && ffPerLayer[0]! > 0 && ffPerLayer[layers - 1] === 2 * ffPerLayer[0]!;
  const ff = wideMlp ? ffPerLayer[0]! : g.opt('feed_forward_length', 4_000_000, 0) ?? 4 * hidden;
  const ple = g.opt('embedding_length_per_layer_input', 262_144, 0) ?? 0;
  const model: ModelEntry = {
    id: 'gguf:model', name: 'model', family: archName, vendor: '', releaseDate: '', hfRepo: '', licence: '', source: '',
    paramsReported: 0, layers, hiddenSize: hidden, attentionHeads: heads, kvHeads: Math.max(1, kvHeadsMax), headDim: keyLength,
    vocabSize: vocab, intermediateSize: Math.max(1, ff), tiedEmbeddings: tied,
    maxContextTokens: g.opt('context_length', 100_000_000, 1) ?? 4096, releasedFormat: 'BF16',
  };
  if (nextn > 0) model.mtpLayers = nextn;
  if (kvShared > 0) {
    model.kvSharedLayers = kvShared;
    if (wideMlp) model.kvSharedLayersWideMlp = true;
  }
  const pleTensor = src.tensors.find((x) => x.name === 'per_layer_token_embd.weight');
  if (ple > 0 && pleTensor && Array.isArray(pleTensor.dims) && typeof pleTensor.dims[1] === 'number') {
    model.perLayerEmbedding = { hiddenPerLayer: ple, vocab: pleTensor.dims[1] };
  }

  // Layer kinds from the tensors each layer holds.
  const swa = g.bools('attention.sliding_window_pattern', layers);
  const swaPeriod = swa ? undefined : g.opt('attention.sliding_window_pattern', layers, 0) ?? SWA_PERIOD_BY_ARCH[archName];
  const window = g.opt('attention.sliding_window', 100_000_000, 0) ?? (archName === 'llama4' ? g.opt('attention.chunk_size', 100_000_000, 0) ?? 8192 : 0);
  let pattern = '';
  for (let i = 0; i < layers; i++) {
    const n = names.get(i) ?? new Set<string>();
    const hasMlp = [...n].some((s) => s.startsWith('ffn_up') || s.startsWith('ffn_down'));
    const moeLayer = [...n].some((s) => s.includes('_exps'));
    if (n.has('ssm_conv1d.weight')) pattern += LINEAR_ATTENTION_ARCHS.has(archName) ? 'L' : hasMlp ? 'N' : 'M';
    else if (n.has('attn_k.weight') || n.has('attn_qkv.weight') || n.has('attn_kv_a_mqa.weight') || n.has('attn_k_b.weight') || (i >= layers - kvShared && n.has('attn_q.weight'))) {
      const windowed = window > 0 && (swa ? swa[i] === true : swaPeriod ? (i + 1) % swaPeriod !== 0 : false);
      pattern += !hasMlp ? 'A' : windowed ? 'W' : 'F';
    } else pattern += moeLayer ? 'E' : hasMlp ? 'D' : 'A';
  }
  if (/[WLMNDE]/.test(pattern) || /A/.test(pattern)) model.blockPattern = pattern;
  if (window > 0 && pattern.includes('W')) {
    const layout: AttentionLayout = { kind: archName === 'llama4' ? 'chunked' : 'sliding', windowTokens: window, fullEvery: 2, fullPosition: 'last' };
    model.attentionLayout = layout;
  }
  if (keyLengthSwa !== undefined && keyLengthSwa !== keyLength && kvPerLayer) {
    // Gemma 4: full layers at key_length with their own KV heads, windowed layers at key_length_swa.
    const fullIdx = [...pattern].findIndex((c) => c === 'F' || c === 'A');
    const swaIdx = [...pattern].findIndex((c) => c === 'W');
    model.headDim = keyLengthSwa;
    model.kvHeads = Math.max(1, kvPerLayer[swaIdx >= 0 ? swaIdx : 0]!);
    if (fullIdx >= 0) {
      const kEqV = !(names.get(fullIdx)?.has('attn_v.weight') ?? true);
      model.globalAttention = { kvHeads: Math.max(1, kvPerLayer[fullIdx]!), headDim: keyLength, kEqV };
    }
  }
  if (heads % model.kvHeads !== 0) throw new InputError('gguf', 'GGUF: attention heads must be a multiple of KV heads');

  // Mixture of experts.
  const experts = g.opt('expert_count', 8192, 0) ?? 0;
  if (experts > 1) {
    const moe: MoeLayout = {
      experts,
      activeExperts: g.int('expert_used_count', experts),
      expertIntermediateSize: g.opt('expert_feed_forward_length', 4_000_000, 1) ?? ff,
      sharedExperts: 0,
      denseLeadingLayers: g.opt('leading_dense_block_count', layers - 1, 0) ?? 0,
    };
    // Qwen's converters write the shared expert's width without a count: one shared expert.
    const sharedFf = g.opt('expert_shared_feed_forward_length', 4_000_000, 1);
    moe.sharedExperts = g.opt('expert_shared_count', 64, 0) ?? (sharedFf !== undefined ? 1 : 0);
    if (sharedFf !== undefined) moe.sharedIntermediateSize = sharedFf;
    const latent = g.opt('expert_latent_length', 262_144, 1);
    if (latent !== undefined) moe.latentSize = latent;
    model.moe = moe;
  }

  // Multi-head latent attention and DeepSeek Sparse Attention's indexer.
  if (MLA_ARCHS.has(archName)) {
    const rope = g.int('rope.dimension_count', 8192);
    const keyMla = g.opt('attention.key_length_mla', 8192, 1) ?? keyLength;
    model.mla = {
      qLoraRank: g.opt('attention.q_lora_rank', 262_144, 1) ?? null,
      kvLoraRank: g.int('attention.kv_lora_rank', 262_144),
      qkNopeHeadDim: keyMla - rope,
      qkRopeHeadDim: rope,
      vHeadDim: g.opt('attention.value_length_mla', 8192, 1) ?? g.int('attention.value_length', 8192),
    };
    model.kvHeads = heads;
    model.headDim = keyMla;
    const ih = g.opt('attention.indexer.head_count', 4096, 1);
    if (ih !== undefined) model.indexer = { heads: ih, headDim: g.int('attention.indexer.key_length', 8192), topK: g.int('attention.indexer.top_k', 100_000_000) };
  }

  // Recurrent state: Gated DeltaNet or Mamba-2.
  if (/[LMN]/.test(pattern)) {
    const conv = g.int('ssm.conv_kernel', 64);
    const state = g.int('ssm.state_size', 65_536);
    const groups = g.int('ssm.group_count', 4096);
    const inner = g.int('ssm.inner_size', 4_000_000);
    const rank = g.int('ssm.time_step_rank', 4096);
    if (LINEAR_ATTENTION_ARCHS.has(archName)) {
      model.linearAttention = { convKernel: conv, keyHeads: groups, valueHeads: rank, keyHeadDim: state, valueHeadDim: inner / rank };
      model.attentionLayout = { kind: 'linear', fullEvery: g.opt('full_attention_interval', layers, 1) ?? 4, fullPosition: 'last' };
      if (names.get(pattern.indexOf('F'))?.has('attn_gate.weight') || hasQueryGate(src, pattern.indexOf('F'), heads * keyLength)) model.attentionOutputGate = true;
    } else {
      model.mamba = { heads: rank, headDim: inner / rank, stateSize: state, groups, convKernel: conv };
    }
  }

  const kvModelled = MODELLED_ARCHS.has(archName);
  if (!kvModelled) notes.push(`KV cache not modelled for architecture "${excerpt(archName, 40)}": the weights are the file's, the KV cache is that of plain attention`);
  const ft = md['general.file_type'];
  const fileTypeLabel = typeof ft === 'number' && FILE_TYPE_NAMES[ft] ? FILE_TYPE_NAMES[ft]! : 'mixed';
  const skipped = tensors.filter((t) => t.part === 'skipped').reduce((s, t) => s + t.bytes, 0);
  if (skipped > 0) notes.push(`${(skipped / 1e9).toFixed(2)} GB of next-token-prediction layers are in the file but not loaded (llama.cpp loads them only for MTP speculative decoding)`);
  const name = md['general.name'];
  model.name = typeof name === 'string' && name.trim() !== '' ? excerpt(name.trim(), 80) : archName;
  model.id = `gguf:${model.name}`;
  return { model, tensors, fileBytes, fileTypeLabel, kvModelled, notes };
}

/** True when the full-attention query projection has twice the rows of the heads (an output gate). */
function hasQueryGate(src: GgufModelSource, layer: number, qRows: number): boolean {
  if (layer < 0) return false;
  const q = src.tensors.find((x) => x.name === `blk.${layer}.attn_q.weight`);
  return q !== undefined && q.dims[1] === 2 * qRows;
}
