/**
 * GGUF headers for tests, built from a config.json the way llama.cpp's converter
 * (convert_hf_to_gguf.py and conversion/*.py at de3ff815) writes them: the architecture name,
 * the hyperparameter keys of src/llama-arch.cpp, and one tensor info per tensor with the type
 * llama-quantize gives it for a file type (the engine's own llama-quant rules), plus next-n (MTP)
 * layers after the trunk where the model has them. No tensor data: the headers are what the
 * readers read.
 */
import { modelFromConfig } from './config.ts';
import { GGML_TYPE_ID } from './gguf-reader.ts';
import type { GgufWriterInput, GgufWriterValue } from './gguf-writer.ts';
import { archFromModel, attnKindOf, sharesKv } from '../sizing/arch.ts';
import { tensorInventory, weightFormatFor, weightsFor, type TensorInfo } from '../sizing/weights.ts';
import type { GgmlType } from '../catalog/ggml.ts';

/** llama.cpp's architecture name for a config's model type. */
const GGUF_ARCH: Readonly<Record<string, string>> = {
  qwen3_5_text: 'qwen35', qwen3_5_moe_text: 'qwen35moe', qwen3_next: 'qwen3next', qwen3_moe: 'qwen3moe', qwen3: 'qwen3',
  gemma4_text: 'gemma4', deepseek_v32: 'deepseek32', deepseek_v3: 'deepseek2', kimi_k2: 'deepseek2', glm4_moe_lite: 'deepseek2',
  glm_moe_dsa: 'glm-dsa', glm4_moe: 'glm4moe', minimax_m2: 'minimax-m2', llama: 'llama', gpt_oss: 'gpt-oss',
};

/** llama.cpp's `llama_ftype` ids of the file types the tests write. */
const FILE_TYPE_IDS: Readonly<Record<string, number>> = { F16: 1, Q4_0: 2, Q8_0: 7, Q4_K_M: 15, Q5_K_M: 17, Q6_K: 18, IQ4_XS: 30, BF16: 32 };

const u32 = (value: number): GgufWriterValue => ({ type: 'u32', value });
const u32s = (value: readonly number[]): GgufWriterValue => ({ type: 'array', itemType: 'u32', value });

/** The llama.cpp name of an inventory tensor; a name seen before in the file gets a numbered suffix. */
function tensorName(x: TensorInfo, used: Set<string>): string {
  const suffix = x.name.endsWith('_bias') || x.name === 'attn_sinks' ? '' : '.weight';
  let name = `${x.layer >= 0 ? `blk.${x.layer}.${x.name}` : x.name}${suffix}`;
  for (let k = 1; used.has(name); k++) name = `${x.layer >= 0 ? `blk.${x.layer}.${x.name}` : x.name}.${k}${suffix}`;
  used.add(name);
  return name;
}

/** A GGUF header of `config` quantized as `fileType` (a llama.cpp file type the catalog knows), with the bytes it must weigh. */
export function ggufFromConfig(config: Record<string, unknown>, fileType = 'Q4_K_M', name = 'test model'): { header: GgufWriterInput; loadedBytes: number; mtpBytes: number } {
  const { model } = modelFromConfig(config, name);
  const text = (config['text_config'] ?? config) as Record<string, unknown>;
  const modelType = String(text['model_type'] ?? config['model_type']);
  const arch = modelType === 'nemotron_h' ? (model.moe ? 'nemotron_h_moe' : 'nemotron_h') : GGUF_ARCH[modelType];
  if (!arch) throw new Error(`no GGUF architecture for ${modelType}`);
  const a = archFromModel(model);
  const inv = tensorInventory(a);
  const format = weightFormatFor(fileType, 'llama.cpp');
  if (!format) throw new Error(`unknown file type ${fileType}`);
  const w = weightsFor(inv, format, 'llama.cpp', true);
  const tensors: GgufWriterInput['tensors'][number][] = [];
  const used = new Set<string>();
  inv.tensors.forEach((x, i) => {
    const type = w.types[i] as GgmlType;
    const rows = x.elements / x.rowLength;
    tensors.push({ name: tensorName(x, used), type: GGML_TYPE_ID[type as keyof typeof GGML_TYPE_ID], dims: rows > 1 ? [x.rowLength, rows] : [x.rowLength] });
  });
  const loadedBytes = w.totalBytes;

  // Next-n (MTP) layers follow the trunk: one attention block with a dense MLP of the model's width.
  let mtpBytes = 0;
  const mtp = model.mtpLayers ?? 0;
  for (let k = 0; k < mtp; k++) {
    const layer = a.layers + k;
    for (const [n, rows, len] of [['eh_proj', a.hidden, 2 * a.hidden], ['attn_q', a.heads * a.headDim, a.hidden], ['attn_k', a.kvHeads * a.headDim, a.hidden], ['ffn_up', a.intermediate, a.hidden]] as const) {
      tensors.push({ name: `blk.${layer}.${n}.weight`, type: GGML_TYPE_ID.Q8_0, dims: [len, rows] });
      mtpBytes += (rows * len / 32) * 34;
    }
  }

  const md: [string, GgufWriterValue][] = [
    ['general.architecture', { type: 'string', value: arch }],
    ['general.name', { type: 'string', value: name }],
    ['general.file_type', u32(FILE_TYPE_IDS[fileType] ?? 0)],
    [`${arch}.block_count`, u32(a.layers + mtp)],
    [`${arch}.context_length`, u32(a.maxContext)],
    [`${arch}.embedding_length`, u32(a.hidden)],
    [`${arch}.attention.head_count`, u32(a.heads)],
  ];
  if (mtp > 0) md.push([`${arch}.nextn_predict_layers`, u32(mtp)]);
  const kinds = Array.from({ length: a.layers }, (_, i) => attnKindOf(a, i));
  if (a.mamba) {
    // Nemotron-H: zero KV heads and zero FFN width mark the blocks that have none.
    md.push([`${arch}.attention.head_count_kv`, u32s(kinds.map((k) => (k === 'full' ? a.kvHeads : 0)))]);
  } else if (a.globalAttention) {
    md.push([`${arch}.attention.head_count_kv`, u32s(kinds.map((k) => (k === 'window' ? a.kvHeads : a.globalAttention!.kvHeads)))]);
  } else {
    md.push([`${arch}.attention.head_count_kv`, u32(a.mla ? 1 : a.kvHeads)]);
  }
  // Gemma 4 writes a per-layer MLP width when its KV-sharing layers are double-wide.
  md.push([`${arch}.feed_forward_length`, a.kvSharedLayersWideMlp ? u32s(kinds.map((_, i) => (sharesKv(a, i) ? 2 : 1) * a.intermediate)) : u32(a.intermediate)]);
  if (a.kvSharedLayers > 0) md.push([`${arch}.attention.shared_kv_layers`, u32(a.kvSharedLayers)]);
  if (a.perLayerEmbedding) md.push([`${arch}.embedding_length_per_layer_input`, u32(a.perLayerEmbedding.hiddenPerLayer)]);
  if (a.globalAttention) {
    md.push([`${arch}.attention.key_length`, u32(a.globalAttention.headDim)], [`${arch}.attention.value_length`, u32(a.globalAttention.headDim)]);
    md.push([`${arch}.attention.key_length_swa`, u32(a.headDim)], [`${arch}.attention.value_length_swa`, u32(a.headDim)]);
  } else if (a.mla) {
    md.push([`${arch}.attention.key_length`, u32(a.mla.kvLoraRank + a.mla.qkRopeHeadDim)], [`${arch}.attention.value_length`, u32(a.mla.kvLoraRank)]);
    md.push([`${arch}.attention.key_length_mla`, u32(a.mla.qkNopeHeadDim + a.mla.qkRopeHeadDim)], [`${arch}.attention.value_length_mla`, u32(a.mla.vHeadDim)]);
    md.push([`${arch}.attention.kv_lora_rank`, u32(a.mla.kvLoraRank)], [`${arch}.rope.dimension_count`, u32(a.mla.qkRopeHeadDim)]);
    if (a.mla.qLoraRank) md.push([`${arch}.attention.q_lora_rank`, u32(a.mla.qLoraRank)]);
  } else {
    md.push([`${arch}.attention.key_length`, u32(a.headDim)], [`${arch}.attention.value_length`, u32(a.headDim)]);
  }
  if (a.layout?.windowTokens && kinds.includes('window')) {
    md.push([`${arch}.attention.sliding_window`, u32(a.layout.windowTokens)]);
    md.push([`${arch}.attention.sliding_window_pattern`, { type: 'array', itemType: 'bool', value: kinds.map((k) => k === 'window') }]);
  }
  if (a.indexer) {
    md.push([`${arch}.attention.indexer.head_count`, u32(a.indexer.heads)], [`${arch}.attention.indexer.key_length`, u32(a.indexer.headDim)], [`${arch}.attention.indexer.top_k`, u32(a.indexer.topK)]);
  }
  if (a.moe) {
    md.push([`${arch}.expert_count`, u32(a.moe.experts)], [`${arch}.expert_used_count`, u32(a.moe.activeExperts)], [`${arch}.expert_feed_forward_length`, u32(a.moe.expertIntermediate)]);
    if (a.moe.sharedExperts > 0) md.push([`${arch}.expert_shared_count`, u32(a.moe.sharedExperts)], [`${arch}.expert_shared_feed_forward_length`, u32(a.moe.sharedIntermediate)]);
    if (a.moe.denseLeadingLayers > 0) md.push([`${arch}.leading_dense_block_count`, u32(a.moe.denseLeadingLayers)]);
    if (a.moe.latentSize > 0) md.push([`${arch}.expert_latent_length`, u32(a.moe.latentSize)]);
  }
  if (a.linearAttention) {
    const g = a.linearAttention;
    md.push([`${arch}.ssm.conv_kernel`, u32(g.convKernel)], [`${arch}.ssm.state_size`, u32(g.keyHeadDim)], [`${arch}.ssm.group_count`, u32(g.keyHeads)]);
    md.push([`${arch}.ssm.time_step_rank`, u32(g.valueHeads)], [`${arch}.ssm.inner_size`, u32(g.valueHeads * g.valueHeadDim)], [`${arch}.full_attention_interval`, u32(a.layout?.fullEvery ?? 4)]);
  }
  if (a.mamba) {
    const m = a.mamba;
    md.push([`${arch}.ssm.conv_kernel`, u32(m.convKernel)], [`${arch}.ssm.state_size`, u32(m.stateSize)], [`${arch}.ssm.group_count`, u32(m.groups)]);
    md.push([`${arch}.ssm.time_step_rank`, u32(m.heads)], [`${arch}.ssm.inner_size`, u32(m.heads * m.headDim)]);
  }
  return { header: { metadata: md, tensors }, loadedBytes, mtpBytes };
}
