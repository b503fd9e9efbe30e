/**
 * A GGUF header of a Llama-shaped model for the "your model" tests (component and browser): the
 * metadata llama.cpp reads and one tensor info per weight, Q4_K with Q6_K for the output, V and
 * down projections, F32 norms. Header only (a few KiB); the tests put it at the start of a sparse file.
 */
import { writeGgufHeader, type GgufWriterInput } from '../../../lib/import/gguf-writer.ts';
import { GGML_TYPE_ID } from '../../../lib/import/gguf-reader.ts';

/** The shape of the model; defaults are Llama 3.1 8B's. */
export interface LlamaShape {
  name: string; layers: number; hidden: number; heads: number; kvHeads: number; ff: number; vocab: number; context: number;
}

export const LLAMA_8B_SHAPE: LlamaShape = {
  name: 'Test Llama 8B', layers: 32, hidden: 4096, heads: 32, kvHeads: 8, ff: 14336, vocab: 128256, context: 131072,
};

/** The writer's input for a Llama-shaped model. */
export function llamaGgufInput(shape: Partial<LlamaShape> = {}): GgufWriterInput {
  const s = { ...LLAMA_8B_SHAPE, ...shape };
  const kv = (s.hidden / s.heads) * s.kvHeads;
  const { F32, Q4_K, Q6_K } = GGML_TYPE_ID;
  const tensors: GgufWriterInput['tensors'][number][] = [{ name: 'token_embd.weight', type: Q4_K, dims: [s.hidden, s.vocab] }];
  for (let i = 0; i < s.layers; i++) {
    tensors.push(
      { name: `blk.${i}.attn_norm.weight`, type: F32, dims: [s.hidden] },
      { name: `blk.${i}.attn_q.weight`, type: Q4_K, dims: [s.hidden, s.hidden] },
      { name: `blk.${i}.attn_k.weight`, type: Q4_K, dims: [s.hidden, kv] },
      { name: `blk.${i}.attn_v.weight`, type: Q6_K, dims: [s.hidden, kv] },
      { name: `blk.${i}.attn_output.weight`, type: Q4_K, dims: [s.hidden, s.hidden] },
      { name: `blk.${i}.ffn_norm.weight`, type: F32, dims: [s.hidden] },
      { name: `blk.${i}.ffn_gate.weight`, type: Q4_K, dims: [s.hidden, s.ff] },
      { name: `blk.${i}.ffn_up.weight`, type: Q4_K, dims: [s.hidden, s.ff] },
      { name: `blk.${i}.ffn_down.weight`, type: Q6_K, dims: [s.ff, s.hidden] },
    );
  }
  tensors.push({ name: 'output_norm.weight', type: F32, dims: [s.hidden] }, { name: 'output.weight', type: Q6_K, dims: [s.hidden, s.vocab] });
  return {
    metadata: [
      ['general.architecture', { type: 'string', value: 'llama' }],
      ['general.name', { type: 'string', value: s.name }],
      ['general.file_type', { type: 'u32', value: 15 }],
      ['llama.block_count', { type: 'u32', value: s.layers }],
      ['llama.context_length', { type: 'u32', value: s.context }],
      ['llama.embedding_length', { type: 'u32', value: s.hidden }],
      ['llama.feed_forward_length', { type: 'u32', value: s.ff }],
      ['llama.attention.head_count', { type: 'u32', value: s.heads }],
      ['llama.attention.head_count_kv', { type: 'u32', value: s.kvHeads }],
      ['llama.rope.freq_base', { type: 'f32', value: 500000 }],
      ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
      ['tokenizer.ggml.model', { type: 'string', value: 'gpt2' }],
      // A long array the reader steps over (a vocabulary), as in real files.
      ['tokenizer.ggml.token_type', { type: 'array', itemType: 'i32', value: new Array<number>(s.vocab).fill(1) }],
    ],
    tensors,
  };
}

/** The header bytes of a Llama-shaped model. */
export function llamaGguf(shape: Partial<LlamaShape> = {}): Uint8Array {
  return writeGgufHeader(llamaGgufInput(shape));
}
