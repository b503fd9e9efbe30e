import { describe, expect, it } from 'vitest';
import { archFromModel } from './arch.ts';
import { tensorInventory, weightFormatFor, weightsFor } from './weights.ts';
import { fixtureModels } from './test-fixtures.ts';
import type { EngineId } from '../vocabulary.ts';

const GiB = 2 ** 30;
function inv(id: string) {
  return tensorInventory(archFromModel(fixtureModels.find((m) => m.id === id)!));
}
function bytes(id: string, quant: string, engine: EngineId = 'llama.cpp') {
  return weightsFor(inv(id), weightFormatFor(quant, engine)!, engine).totalBytes;
}

describe('tensor inventory', () => {
  it('counts Llama 3.1 8B at 8,030,261,248 parameters, as llama.cpp reports (8.03 B)', () => {
    expect(inv('llama-3.1-8b').totalParams).toBe(8_030_261_248);
  });
  it('counts the layers that hold routed experts: all 24 of gpt-oss-20b, 58 of DeepSeek V3\'s 61 (3 dense leading layers), none of a dense model', () => {
    expect(inv('gpt-oss-20b').moeLayers).toBe(24);
    expect(inv('deepseek-v3').moeLayers).toBe(58);
    expect(inv('llama-3.1-8b').moeLayers).toBe(0);
  });
  it('counts Llama 3.1 70B at 70,553,706,496 parameters (llama-bench: 70.55 B)', () => {
    expect(inv('llama-3.1-70b').totalParams).toBe(70_553_706_496);
  });
  it('counts gpt-oss-120b at 116.83 B with expert biases and sinks, as llama-bench reports', () => {
    expect(inv('gpt-oss-120b').totalParams / 1e9).toBeCloseTo(116.83, 2);
  });
  it('counts Mixtral 8x7B at 46.70 B total and 12.88 B active', () => {
    const i = inv('mixtral-8x7b');
    expect(i.totalParams).toBe(46_702_792_704);
    expect(i.activeParams).toBe(12_879_925_248);
  });
  it('counts DeepSeek V3 at about 671 B total and 37.5 B active (MTP module excluded)', () => {
    const i = inv('deepseek-v3');
    expect(i.totalParams / 1e9).toBeCloseTo(671.0, 0);
    expect(i.activeParams / 1e9).toBeCloseTo(37.55, 1);
  });
  it('counts a tied embedding once (Gemma 2 9B: 9.24 B)', () => {
    expect(inv('gemma-2-9b').totalParams / 1e9).toBeCloseTo(9.242, 2);
  });
});

// Llama 3 8B sizes from llama.cpp tools/perplexity/README.md (GiB, 2 decimals, whole file incl. a few MB of metadata).
describe('GGUF sizes against real files', () => {
  const llama3 = { Q8_0: 7.96, Q6_K: 6.14, Q5_K_M: 5.33, Q4_K_M: 4.58, IQ4_XS: 4.14, Q4_0: 4.34, Q3_K_M: 3.74, IQ3_XXS: 3.05, IQ2_M: 2.74, Q2_K: 2.96, IQ2_XXS: 2.24, IQ1_S: 1.88 };
  for (const [q, gib] of Object.entries(llama3)) {
    it(`sizes Llama 3 8B ${q} within 1% of the ${gib} GiB file in llama.cpp's perplexity table`, () => {
      expect(Math.abs(bytes('llama-3-8b', q) / GiB / gib - 1)).toBeLessThan(0.01);
    });
  }
  // bartowski's Llama 3.1 70B GGUF file sizes (GB) as listed at https://ozeki.chat/p_8590-understanding-ai-model-files.html (content-facts §4.1).
  const l70 = { Q8_0: 74.98, Q6_K: 57.89, Q5_K_M: 49.95, Q5_K_S: 48.66, Q4_K_M: 42.52, Q4_K_S: 40.35, Q4_0: 40.12, IQ4_XS: 37.9, Q3_K_L: 37.14, Q3_K_M: 34.27, IQ3_M: 31.94, Q3_K_S: 30.91 };
  for (const [q, gb] of Object.entries(l70)) {
    it(`sizes Llama 3.1 70B ${q} within 0.2% of bartowski's ${gb} GB file`, () => {
      expect(Math.abs(bytes('llama-3.1-70b', q) / 1e9 / gb - 1)).toBeLessThan(0.002);
    });
  }
  // bartowski/phi-4-GGUF file sizes, GB. Phi keeps Q/K/V fused in attn_qkv. Those files were made
  // with llama.cpp b4456 (Jan 2025), before fused QKV took the attn_v rules; the types whose size
  // that change does not touch must match, the others may differ (Q5_K_M -1%, IQ4_NL +2.3%).
  const phi4 = { Q8_0: 15.58, Q6_K: 12.03, Q5_K_S: 10.15, Q4_1: 9.27, Q4_K_M: 9.05, Q4_K_S: 8.44, Q4_0: 8.41 };
  for (const [q, gb] of Object.entries(phi4)) {
    it(`sizes Phi-4 ${q} within 0.5% of bartowski's ${gb} GB file`, () => {
      expect(Math.abs(bytes('phi-4', q) / 1e9 / gb - 1)).toBeLessThan(0.005);
    });
  }
  it('keeps Llama 3.1 70B Q4_K_M at about 42.5 GB of weights', () => {
    expect(bytes('llama-3.1-70b', 'Q4_K_M') / 1e9).toBeCloseTo(42.5, 1);
  });
  it('sizes Qwen2.5 7B Q4_K_M at 4.68 GB like the official qwen2.5-7b-instruct-q4_k_m.gguf', () => {
    expect(bytes('qwen2.5-7b', 'Q4_K_M') / 1e9).toBeCloseTo(4.68, 1);
  });
  it('sizes gpt-oss-20b MXFP4 at about 12.1 GB like ggml-org/gpt-oss-20b-GGUF (experts MXFP4, rest Q8_0)', () => {
    expect(bytes('gpt-oss-20b', 'MXFP4') / 1e9).toBeGreaterThan(11.9);
    expect(bytes('gpt-oss-20b', 'MXFP4') / 1e9).toBeLessThan(12.3);
  });
  it('sizes the gpt-oss-20b checkpoint for vLLM at about 13.8 GB (experts MXFP4, rest BF16)', () => {
    expect(bytes('gpt-oss-20b', 'MXFP4', 'vllm') / 1e9).toBeCloseTo(13.8, 0);
  });
  it('sizes DeepSeek V3 Q8_0 at about 713 GB and Q4_K_M at about 404 GB', () => {
    expect(bytes('deepseek-v3', 'Q8_0') / 1e9).toBeCloseTo(713, -1);
    expect(bytes('deepseek-v3', 'Q4_K_M') / 1e9).toBeCloseTo(404, -1);
  });
});

describe('mixture rules', () => {
  it('stores Llama 3 8B Q4_K_M output at Q6_K, token_embd at Q4_K and half the attn_v at Q6_K', () => {
    const i = inv('llama-3-8b');
    const w = weightsFor(i, { kind: 'gguf', fileType: 'Q4_K_M' }, 'llama.cpp', true);
    const typeOf = (cat: string, layer = -1) => w.types[i.tensors.findIndex((t) => t.category === cat && t.layer === layer)];
    expect(typeOf('output')).toBe('Q6_K');
    expect(typeOf('token_embd')).toBe('Q4_K');
    const attnV = i.tensors.map((t, k) => (t.category === 'attn_v' ? w.types[k] : null)).filter((x) => x !== null);
    expect(attnV.filter((x) => x === 'Q6_K').length).toBe(16);
    expect(attnV.filter((x) => x === 'Q4_K').length).toBe(16);
  });
  it('falls back to 32-weight blocks for Qwen2.5-72B-like rows of 29568 (Q4_K -> Q5_0)', () => {
    const a = archFromModel({ ...fixtureModels.find((m) => m.id === 'llama-3.1-70b')!, intermediateSize: 29568 });
    const i = tensorInventory(a);
    const w = weightsFor(i, { kind: 'gguf', fileType: 'Q4_K_M' }, 'llama.cpp', true);
    const k = i.tensors.findIndex((t) => t.category === 'ffn_down' && t.layer === 20);
    expect(w.types[k]).toBe('Q5_0');
  });
  it('keeps norms and the MoE router in F32', () => {
    const i = inv('mixtral-8x7b');
    const w = weightsFor(i, { kind: 'gguf', fileType: 'Q4_K_M' }, 'llama.cpp', true);
    i.tensors.forEach((t, k) => { if (t.category === 'norm' || t.category === 'router') expect(w.types[k]).toBe('F32'); });
  });
  it('gives GPTQ 4-bit about 4.16 bits on linear layers and keeps the 16-bit embeddings', () => {
    const i = inv('llama-3.1-70b');
    const w = weightsFor(i, { kind: 'int4-group' }, 'vllm');
    const embed = i.embeddingParams * 2;
    expect(w.embeddingBytes).toBe(embed);
    const linear = i.totalParams - 2 * i.embeddingParams;
    expect((w.totalBytes - 2 * embed) * 8 / linear).toBeCloseTo(4.16, 1);
  });
  it('makes a custom bits-per-weight exact', () => {
    const i = inv('llama-3.1-8b');
    expect(weightsFor(i, { kind: 'bpw', bitsPerWeight: 5 }, 'llama.cpp').totalBytes).toBe((i.totalParams * 5) / 8);
  });
  it('reads only the active experts per token for MoE models (and not the embedding table)', () => {
    const i = inv('mixtral-8x7b');
    const w = weightsFor(i, { kind: 'float', bytes: 2 }, 'vllm');
    expect(w.activeBytes / 2).toBe(i.activeParams - i.embeddingParams);
  });
});
