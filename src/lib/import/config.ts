/**
 * A model's architecture from its own Hugging Face `config.json`, for the families the sizing
 * engine models. The config is untrusted input: every field is checked for type and range, an
 * unknown `model_type` or a missing field is refused with a message naming it, and nothing from
 * the file is echoed unescaped.
 *
 * Where a config nests the language model (`text_config`: Gemma 3/4, Qwen3.5/3.6, Llama 4,
 * Mistral 3, Kimi K2.5), the nested object is read; a vision tower beside it is not counted.
 *
 * Field names follow each family's `configuration_*.py` in Hugging Face Transformers (and the
 * model repositories' own code for Nemotron-H and MiniMax-M2).
 */
import type { AttentionLayout, ModelEntry, MoeLayout } from '../catalog/types.ts';
import { excerpt, InputError } from '../request.ts';
import { weightFormatFor } from '../sizing/weights.ts';

/** How an imported model is read: the family it belongs to and what the reader must be told. */
export interface ImportedModel {
  model: ModelEntry;
  /** Things the import could not model or assumed, in plain words. */
  notes: string[];
}

type Json = Record<string, unknown>;

/** Upper bounds that keep a hostile config from building absurd tensor lists. */
const LIMITS = {
  layers: 2000, hidden: 262_144, heads: 4096, headDim: 8192, vocab: 4_000_000, intermediate: 4_000_000,
  experts: 8192, context: 100_000_000, window: 100_000_000, state: 65_536, conv: 64,
} as const;

/** The families this reader understands: `model_type` of the language model (nested or not). */
export const CONFIG_MODEL_TYPES = [
  'llama', 'mistral', 'ministral', 'ministral3', 'qwen2', 'qwen3', 'phi3', 'granite', 'olmo2',
  'qwen3_vl_text', 'qwen2_moe', 'qwen3_moe', 'qwen3_vl_moe_text', 'mixtral',
  'qwen3_next', 'qwen3_5_text', 'qwen3_5_moe_text',
  'gemma2', 'gemma3_text', 'gemma4_text',
  'gpt_oss', 'llama4_text',
  'deepseek_v3', 'deepseek_v32', 'kimi_k2', 'glm_moe_dsa', 'glm4_moe', 'glm4_moe_lite',
  'minimax_m2', 'nemotron_h', 'granitemoehybrid',
] as const;

/** Outer (multimodal) model types whose `text_config` holds the language model. */
const NESTING_TYPES: Readonly<Record<string, string>> = {
  qwen3_5: 'qwen3_5_text', qwen3_5_moe: 'qwen3_5_moe_text', gemma3: 'gemma3_text', gemma4: 'gemma4_text',
  llama4: 'llama4_text', mistral3: 'ministral3', kimi_k25: 'kimi_k2', qwen3_vl: 'qwen3_vl_text', qwen3_vl_moe: 'qwen3_vl_moe_text',
};

class Reader {
  readonly cfg: Json;
  /** Where the fields are, for messages ('' or ' (in text_config)'). */
  readonly where: string;
  constructor(cfg: Json, where: string) {
    this.cfg = cfg;
    this.where = where;
  }

  has(key: string): boolean {
    const v = this.cfg[key];
    return v !== undefined && v !== null;
  }

  int(key: string, max: number, min = 1): number {
    const v = this.cfg[key];
    if (v === undefined || v === null) throw new InputError('config', `config.json: missing "${key}"${this.where}`);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new InputError('config', `config.json: "${key}" must be a whole number from ${min} to ${max}${this.where}`);
    }
    return v;
  }

  optInt(key: string, max: number, min = 1): number | undefined {
    return this.has(key) ? this.int(key, max, min) : undefined;
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.cfg[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') throw new InputError('config', `config.json: "${key}" must be true or false${this.where}`);
    return v;
  }

  str(key: string): string | undefined {
    const v = this.cfg[key];
    return typeof v === 'string' ? v : undefined;
  }

  /** A list of strings (layer_types), each at most `maxLength` long. */
  strings(key: string, length: number): string[] | undefined {
    const v = this.cfg[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.length !== length || !v.every((x) => typeof x === 'string' && x.length <= 64)) {
      throw new InputError('config', `config.json: "${key}" must list one kind per layer (${length})${this.where}`);
    }
    return v as string[];
  }
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The language-model part of a config and its model type. */
function textPart(config: Json): { cfg: Json; modelType: string } {
  const outer = config['model_type'];
  if (typeof outer !== 'string') throw new InputError('config', 'config.json: missing "model_type"');
  const nested = config['text_config'];
  if (isObject(nested)) {
    const inner = typeof nested['model_type'] === 'string' ? nested['model_type'] : NESTING_TYPES[outer];
    if (inner === undefined) throw new InputError('config', `config.json: "text_config" has no "model_type"`);
    return { cfg: nested, modelType: inner };
  }
  return { cfg: config, modelType: outer };
}

/** The checkpoint's format from `quantization_config` and the dtype. */
function releasedFormat(config: Json, text: Json): { format: string; note: string | null } {
  const q = config['quantization_config'] ?? text['quantization_config'];
  if (isObject(q)) {
    const method = String(q['quant_method'] ?? '').toLowerCase();
    if (method === 'fp8') return { format: 'FP8', note: null };
    if (method === 'mxfp4') return { format: 'MXFP4', note: null };
    if (method === 'modelopt') {
      const algo = String(q['quant_algo'] ?? '').toUpperCase();
      if (algo.includes('FP4')) return { format: 'NVFP4', note: null };
      if (algo.includes('FP8')) return { format: 'FP8', note: null };
    }
    if (method === 'gptq') return { format: 'GPTQ-INT4', note: null };
    if (method === 'awq') return { format: 'AWQ-INT4', note: null };
    if (method === 'compressed-tensors') return { format: 'GPTQ-INT4', note: 'compressed-tensors checkpoint counted as a 4-bit group format' };
    // mlx-lm and mlx-vlm write `bits`, `group_size` and `mode` with no quant_method: one of the
    // MLX formats when all three match its definition.
    if (method === '') {
      const id = q['mode'] === 'mxfp4' ? 'MLX-MXFP4' : `MLX-Q${excerpt(String(q['bits']), 4)}`;
      const f = weightFormatFor(id, 'mlx');
      const mode = (q['mode'] ?? 'affine') === (f?.kind === 'mlx' && f.microscaling ? 'mxfp4' : 'affine');
      if (f?.kind === 'mlx' && mode && q['bits'] === f.bits && q['group_size'] === f.groupSize) return { format: id, note: null };
    }
    return { format: 'BF16', note: `quantization "${excerpt(method, 30)}" not modelled: the checkpoint counted in BF16` };
  }
  const dtype = String(text['torch_dtype'] ?? text['dtype'] ?? config['torch_dtype'] ?? config['dtype'] ?? 'bfloat16');
  return { format: dtype === 'float16' ? 'F16' : dtype === 'float32' ? 'F32' : 'BF16', note: null };
}

/** Letters of `ModelEntry.blockPattern` from `layer_types` values. */
const LAYER_TYPE_LETTER: Readonly<Record<string, string>> = {
  full_attention: 'F', attention: 'F', sliding_attention: 'W', chunked_attention: 'W',
  linear_attention: 'L', mamba: 'M',
};

function patternFromLayerTypes(types: readonly string[], where: string): string {
  let out = '';
  for (const t of types) {
    const c = LAYER_TYPE_LETTER[t];
    if (c === undefined) throw new InputError('config', `config.json: layer type "${excerpt(t, 40)}" is not modelled${where}`);
    out += c;
  }
  return out;
}

/** Nemotron-H's `layers_block_type` names as `hybrid_override_pattern` letters. */
const NEMOTRON_BLOCK: Readonly<Record<string, string>> = { mamba: 'M', attention: '*', mlp: '-', moe: 'E' };

/** Nemotron-H's `hybrid_override_pattern`: M Mamba-2, * attention, - MLP, E MoE, one block each. */
function patternFromHybrid(pattern: string, layers: number): string {
  if (pattern.length !== layers || !/^[M*E-]+$/.test(pattern)) {
    throw new InputError('config', `config.json: "hybrid_override_pattern" must have one of M * - E per layer (${layers})`);
  }
  return pattern.replace(/\*/g, 'A').replace(/-/g, 'D');
}

/**
 * A catalog-shaped model from a config.json object. `name` becomes the id `config:<name>`.
 * Throws InputError('config', ...) naming the field for anything it cannot read.
 */
export function modelFromConfig(config: unknown, name = 'model'): ImportedModel {
  if (!isObject(config)) throw new InputError('config', 'config.json must be a JSON object');
  const { cfg, modelType } = textPart(config);
  if (!(CONFIG_MODEL_TYPES as readonly string[]).includes(modelType)) {
    throw new InputError('config', `config.json: model_type "${excerpt(modelType, 40)}" is not supported; supported: ${[...CONFIG_MODEL_TYPES, ...Object.keys(NESTING_TYPES)].sort().join(', ')}`);
  }
  const r = new Reader(cfg, cfg === config ? '' : ' (in text_config)');
  const notes: string[] = [];
  // Newer Nemotron-H configs list the blocks (`layers_block_type`) instead of counting them.
  const blockList = modelType === 'nemotron_h' && !r.has('num_hidden_layers') && Array.isArray(cfg['layers_block_type']) ? cfg['layers_block_type'] as unknown[] : null;
  const layers = blockList ? Math.min(blockList.length, LIMITS.layers + 1) : r.int('num_hidden_layers', LIMITS.layers);
  if (layers < 1 || layers > LIMITS.layers) throw new InputError('config', `config.json: "layers_block_type" must list 1 to ${LIMITS.layers} blocks`);
  const hidden = r.int('hidden_size', LIMITS.hidden);
  const heads = r.int('num_attention_heads', LIMITS.heads);
  const kvHeads = r.optInt('num_key_value_heads', LIMITS.heads) ?? heads;
  if (heads % kvHeads !== 0) throw new InputError('config', 'config.json: "num_attention_heads" must be a multiple of "num_key_value_heads"');
  const headDim = r.optInt('head_dim', LIMITS.headDim) ?? Math.floor(hidden / heads);
  if (headDim < 1) throw new InputError('config', 'config.json: "head_dim" cannot be derived');
  const vocab = r.int('vocab_size', LIMITS.vocab);
  const maxContext = r.optInt('max_position_embeddings', LIMITS.context) ?? 131072;
  const tied = r.bool('tie_word_embeddings', modelType.startsWith('gemma') || (config['tie_word_embeddings'] === true));
  const { format, note } = releasedFormat(config, cfg);
  if (note) notes.push(note);

  const m: ModelEntry = {
    id: `config:${name}`,
    name,
    family: familyOf(modelType),
    vendor: '',
    releaseDate: '',
    hfRepo: '',
    licence: '',
    source: '',
    paramsReported: 0,
    layers,
    hiddenSize: hidden,
    attentionHeads: heads,
    kvHeads,
    headDim,
    vocabSize: vocab,
    intermediateSize: r.optInt('intermediate_size', LIMITS.intermediate) ?? 4 * hidden,
    tiedEmbeddings: tied,
    maxContextTokens: maxContext,
    releasedFormat: format,
  };
  if (r.bool('attention_bias', false) || modelType === 'qwen2' || modelType === 'qwen2_moe') m.attentionBias = true;

  switch (modelType) {
    case 'qwen2_moe': case 'qwen3_moe': case 'qwen3_vl_moe_text':
      m.moe = qwenMoe(r, layers);
      break;
    case 'mixtral':
      m.moe = { experts: r.int('num_local_experts', LIMITS.experts), activeExperts: r.int('num_experts_per_tok', LIMITS.experts), expertIntermediateSize: m.intermediateSize, sharedExperts: 0, denseLeadingLayers: 0 };
      break;
    case 'qwen3_next': case 'qwen3_5_text': case 'qwen3_5_moe_text':
      readGatedDeltaNet(r, m, layers);
      if (r.has('num_experts')) m.moe = qwenMoe(r, layers);
      if (r.has('mtp_num_hidden_layers')) m.mtpLayers = r.int('mtp_num_hidden_layers', 16, 0);
      break;
    case 'gemma2': case 'gemma3_text': case 'gemma4_text':
      readGemma(r, m, layers, modelType, notes);
      break;
    case 'gpt_oss':
      m.family = 'gpt-oss';
      m.moe = { experts: r.int('num_local_experts', LIMITS.experts), activeExperts: r.optInt('num_experts_per_tok', LIMITS.experts) ?? r.int('experts_per_token', LIMITS.experts), expertIntermediateSize: m.intermediateSize, sharedExperts: 0, denseLeadingLayers: 0 };
      m.attentionLayout = windowLayout(r, layers, 'sliding');
      m.attentionBias = true;
      break;
    case 'llama4_text': {
      const every = r.optInt('interleave_moe_layer_step', layers) ?? 1;
      m.intermediateSize = r.optInt('intermediate_size_mlp', LIMITS.intermediate) ?? m.intermediateSize;
      m.moe = { experts: r.int('num_local_experts', LIMITS.experts), activeExperts: r.int('num_experts_per_tok', LIMITS.experts), expertIntermediateSize: r.int('intermediate_size', LIMITS.intermediate), sharedExperts: 1, denseLeadingLayers: 0, moeEvery: every };
      const chunk = r.optInt('attention_chunk_size', LIMITS.window);
      if (chunk) m.attentionLayout = { kind: 'chunked', windowTokens: chunk, fullEvery: 4, fullPosition: 'last' };
      break;
    }
    case 'deepseek_v3': case 'deepseek_v32': case 'kimi_k2': case 'glm_moe_dsa': case 'glm4_moe_lite':
      readMla(r, m);
      m.moe = deepseekMoe(r, layers);
      if (r.has('index_head_dim')) m.indexer = { heads: r.int('index_n_heads', LIMITS.heads), headDim: r.int('index_head_dim', LIMITS.headDim), topK: r.int('index_topk', LIMITS.context) };
      if (r.has('num_nextn_predict_layers')) m.mtpLayers = r.int('num_nextn_predict_layers', 16, 0);
      break;
    case 'glm4_moe':
      m.moe = deepseekMoe(r, layers);
      if (r.has('num_nextn_predict_layers')) m.mtpLayers = r.int('num_nextn_predict_layers', 16, 0);
      break;
    case 'minimax_m2':
      m.moe = { experts: r.int('num_local_experts', LIMITS.experts), activeExperts: r.int('num_experts_per_tok', LIMITS.experts), expertIntermediateSize: m.intermediateSize, sharedExperts: 0, denseLeadingLayers: 0 };
      if (r.bool('use_mtp', false)) notes.push('multi-token-prediction modules are not counted (the published checkpoint and the engines load the main model only)');
      break;
    case 'nemotron_h':
      readNemotronH(r, m, layers);
      break;
    case 'granitemoehybrid':
      readGraniteHybrid(r, m, layers);
      break;
    default:
      break;
  }
  if (m.moe && m.moe.activeExperts > m.moe.experts) throw new InputError('config', 'config.json: more experts per token than experts');
  return { model: m, notes };
}

function familyOf(modelType: string): string {
  if (modelType.startsWith('qwen3_vl')) return 'qwen';
  if (modelType.startsWith('qwen')) return 'qwen';
  if (modelType.startsWith('gemma')) return 'gemma';
  if (modelType.startsWith('deepseek')) return 'deepseek';
  if (modelType.startsWith('glm')) return 'glm';
  if (modelType.startsWith('granite')) return 'granite';
  if (modelType === 'phi3') return 'phi';
  if (modelType === 'kimi_k2') return 'kimi';
  if (modelType === 'nemotron_h') return 'nemotron';
  if (modelType === 'minimax_m2') return 'minimax';
  if (modelType === 'llama4_text') return 'llama';
  if (modelType === 'mixtral' || modelType.startsWith('ministral')) return 'mistral';
  return modelType;
}

function qwenMoe(r: Reader, layers: number): MoeLayout {
  const shared = r.optInt('shared_expert_intermediate_size', LIMITS.intermediate, 0) ?? 0;
  const every = r.optInt('decoder_sparse_step', layers) ?? 1;
  const mlpOnly = r.cfg['mlp_only_layers'];
  if (Array.isArray(mlpOnly) && mlpOnly.length > 0) throw new InputError('config', 'config.json: "mlp_only_layers" (dense layers among MoE layers) is not modelled');
  const moe: MoeLayout = {
    experts: r.int('num_experts', LIMITS.experts),
    activeExperts: r.int('num_experts_per_tok', LIMITS.experts),
    expertIntermediateSize: r.int('moe_intermediate_size', LIMITS.intermediate),
    sharedExperts: shared > 0 ? 1 : 0,
    denseLeadingLayers: 0,
  };
  if (shared > 0) moe.sharedIntermediateSize = shared;
  if (every > 1) moe.moeEvery = every;
  return moe;
}

function deepseekMoe(r: Reader, layers: number): MoeLayout {
  const freq = r.optInt('moe_layer_freq', layers) ?? 1;
  if (freq !== 1) throw new InputError('config', 'config.json: "moe_layer_freq" other than 1 is not modelled');
  const moe: MoeLayout = {
    experts: r.int('n_routed_experts', LIMITS.experts),
    activeExperts: r.int('num_experts_per_tok', LIMITS.experts),
    expertIntermediateSize: r.int('moe_intermediate_size', LIMITS.intermediate),
    sharedExperts: r.optInt('n_shared_experts', 64, 0) ?? 0,
    denseLeadingLayers: r.optInt('first_k_dense_replace', layers - 1, 0) ?? 0,
  };
  return moe;
}

function readMla(r: Reader, m: ModelEntry): void {
  const q = r.cfg['q_lora_rank'];
  m.mla = {
    qLoraRank: q === null || q === undefined ? null : r.int('q_lora_rank', LIMITS.hidden),
    kvLoraRank: r.int('kv_lora_rank', LIMITS.hidden),
    qkNopeHeadDim: r.int('qk_nope_head_dim', LIMITS.headDim),
    qkRopeHeadDim: r.int('qk_rope_head_dim', LIMITS.headDim),
    vHeadDim: r.int('v_head_dim', LIMITS.headDim),
  };
  // MLA configs carry num_key_value_heads = heads; the cache holds one latent per token instead.
  m.kvHeads = m.attentionHeads;
  m.headDim = m.mla.qkNopeHeadDim + m.mla.qkRopeHeadDim;
}

function readGatedDeltaNet(r: Reader, m: ModelEntry, layers: number): void {
  m.linearAttention = {
    convKernel: r.int('linear_conv_kernel_dim', LIMITS.conv),
    keyHeads: r.int('linear_num_key_heads', LIMITS.heads),
    valueHeads: r.int('linear_num_value_heads', LIMITS.heads),
    keyHeadDim: r.int('linear_key_head_dim', LIMITS.headDim),
    valueHeadDim: r.int('linear_value_head_dim', LIMITS.headDim),
  };
  if (r.str('mamba_ssm_dtype') === 'float32') m.linearAttention.ssmStateFloat32 = true;
  if (r.bool('attn_output_gate', true)) m.attentionOutputGate = true;
  const types = r.strings('layer_types', layers);
  const every = r.optInt('full_attention_interval', layers) ?? 4;
  const layout: AttentionLayout = { kind: 'linear', fullEvery: every, fullPosition: 'last' };
  m.attentionLayout = layout;
  if (types) m.blockPattern = patternFromLayerTypes(types, r.where);
}

/** Sliding-window layout from `layer_types` or the family's period. */
function windowLayout(r: Reader, layers: number, kind: 'sliding' | 'chunked', period = 2): AttentionLayout {
  const window = r.int('sliding_window', LIMITS.window);
  const types = r.strings('layer_types', layers);
  if (types) {
    const full = types.findIndex((t) => t === 'full_attention');
    const count = types.filter((t) => t === 'full_attention').length;
    return { kind, windowTokens: window, fullEvery: count > 0 ? Math.max(2, Math.round(layers / count)) : layers + 1, fullPosition: full === 0 ? 'first' : 'last' };
  }
  return { kind, windowTokens: window, fullEvery: period, fullPosition: 'last' };
}

function readGemma(r: Reader, m: ModelEntry, layers: number, modelType: string, notes: string[]): void {
  const types = r.strings('layer_types', layers);
  const period = r.optInt('sliding_window_pattern', layers) ?? (modelType === 'gemma2' ? 2 : 6);
  const window = r.int('sliding_window', LIMITS.window);
  m.attentionLayout = { kind: 'sliding', windowTokens: window, fullEvery: period, fullPosition: 'last' };
  if (types) m.blockPattern = patternFromLayerTypes(types, r.where);
  if (modelType !== 'gemma4_text') return;
  const globalHeadDim = r.optInt('global_head_dim', LIMITS.headDim);
  if (globalHeadDim !== undefined) {
    m.globalAttention = {
      kvHeads: r.optInt('num_global_key_value_heads', LIMITS.heads) ?? m.kvHeads,
      headDim: globalHeadDim,
      kEqV: r.bool('attention_k_eq_v', false),
    };
  }
  if (r.bool('enable_moe_block', false)) {
    // Each Gemma 4 MoE layer keeps its dense MLP beside the routed experts: counted as one shared expert.
    m.moe = {
      experts: r.int('num_experts', LIMITS.experts),
      activeExperts: r.int('top_k_experts', LIMITS.experts),
      expertIntermediateSize: r.int('moe_intermediate_size', LIMITS.intermediate),
      sharedExperts: 1,
      sharedIntermediateSize: m.intermediateSize,
      denseLeadingLayers: 0,
    };
  }
  const ple = r.optInt('hidden_size_per_layer_input', LIMITS.hidden, 0) ?? 0;
  if (ple > 0) {
    m.perLayerEmbedding = { hiddenPerLayer: ple, vocab: r.optInt('vocab_size_per_layer_input', LIMITS.vocab) ?? m.vocabSize };
    notes.push('per-layer embeddings are a lookup table: in the weights, read one row per token, kept in system memory by llama.cpp');
  }
  const shared = r.optInt('num_kv_shared_layers', layers - 1, 0) ?? 0;
  if (shared > 0) {
    m.kvSharedLayers = shared;
    if (r.bool('use_double_wide_mlp', false)) m.kvSharedLayersWideMlp = true;
  }
}

function readNemotronH(r: Reader, m: ModelEntry, layers: number): void {
  const pattern = r.str('hybrid_override_pattern');
  const list = r.strings('layers_block_type', layers);
  if (pattern !== undefined) m.blockPattern = patternFromHybrid(pattern, layers);
  else if (list) m.blockPattern = patternFromHybrid(list.map((b) => NEMOTRON_BLOCK[b] ?? '?').join(''), layers);
  else throw new InputError('config', 'config.json: missing "hybrid_override_pattern"');
  m.mlpGated = false;
  m.mamba = {
    heads: r.int('mamba_num_heads', LIMITS.heads),
    headDim: r.int('mamba_head_dim', LIMITS.headDim),
    stateSize: r.int('ssm_state_size', LIMITS.state),
    groups: r.int('n_groups', LIMITS.heads),
    convKernel: r.int('conv_kernel', LIMITS.conv),
  };
  if (r.str('mamba_ssm_cache_dtype') === 'float32') m.mamba.ssmStateFloat32 = true;
  if (m.blockPattern.includes('E')) {
    const moe: MoeLayout = {
      experts: r.int('n_routed_experts', LIMITS.experts),
      activeExperts: r.int('num_experts_per_tok', LIMITS.experts),
      expertIntermediateSize: r.int('moe_intermediate_size', LIMITS.intermediate),
      sharedExperts: r.optInt('n_shared_experts', 64, 0) ?? 0,
      denseLeadingLayers: 0,
    };
    const shared = r.optInt('moe_shared_expert_intermediate_size', LIMITS.intermediate);
    if (shared !== undefined) moe.sharedIntermediateSize = shared;
    const latent = r.optInt('moe_latent_size', LIMITS.hidden);
    if (latent !== undefined) moe.latentSize = latent;
    m.moe = moe;
  }
  if (r.has('num_nextn_predict_layers')) m.mtpLayers = r.int('num_nextn_predict_layers', 16, 0);
}

function readGraniteHybrid(r: Reader, m: ModelEntry, layers: number): void {
  const types = r.strings('layer_types', layers) ?? r.strings('layers_block_type', layers);
  if (!types) throw new InputError('config', 'config.json: missing "layer_types"');
  m.blockPattern = patternFromLayerTypes(types, r.where);
  m.mamba = {
    heads: r.int('mamba_n_heads', LIMITS.heads),
    headDim: r.int('mamba_d_head', LIMITS.headDim),
    stateSize: r.int('mamba_d_state', LIMITS.state),
    groups: r.int('mamba_n_groups', LIMITS.heads),
    convKernel: r.int('mamba_d_conv', LIMITS.conv),
  };
  // Granite hybrids: Mamba-2 layers also carry the layer's MLP, so 'M' here means mixer plus MLP.
  m.blockPattern = m.blockPattern.replace(/M/g, 'N');
  const experts = r.optInt('num_local_experts', LIMITS.experts, 0) ?? 0;
  const shared = r.optInt('shared_intermediate_size', LIMITS.intermediate, 0) ?? 0;
  if (experts > 0) {
    const moe: MoeLayout = { experts, activeExperts: r.int('num_experts_per_tok', LIMITS.experts), expertIntermediateSize: m.intermediateSize, sharedExperts: shared > 0 ? 1 : 0, denseLeadingLayers: 0 };
    if (shared > 0) moe.sharedIntermediateSize = shared;
    m.moe = moe;
  } else if (shared > 0) {
    m.intermediateSize = shared;
  }
}
