import { describe, expect, it } from 'vitest';
import { archFromModel } from '../sizing/arch.ts';
import { tensorInventory } from '../sizing/weights.ts';
import { models } from './models.ts';
import type { ModelEntry } from './types.ts';

const byId = new Map(models.map((m) => [m.id, m]));
const get = (id: string): ModelEntry => {
  const m = byId.get(id);
  if (!m) throw new Error(`missing model ${id}`);
  return m;
};

/** The ids the catalog must hold (the models agent builders ask about most). */
const REQUIRED_IDS = `llama-3.1-8b llama-3.1-70b llama-3.1-405b llama-3.3-70b llama-3-8b llama-3-70b llama-2-7b
llama-4-scout llama-4-maverick mistral-7b-v0.3 mistral-nemo-12b mistral-large-2 mixtral-8x7b mixtral-8x22b
qwen2.5-0.5b qwen2.5-1.5b qwen2.5-3b qwen2.5-7b qwen2.5-14b qwen2.5-32b qwen2.5-72b qwen2.5-coder-7b
qwen2.5-coder-32b qwen3-8b qwen3-32b qwen3-30b-a3b qwen3-coder-30b-a3b qwen3-235b-a22b gemma-2-9b gemma-2-27b
gemma-3-4b gemma-3-12b gemma-3-27b phi-4 deepseek-v3 deepseek-r1 gpt-oss-20b gpt-oss-120b`.split(/\s+/);

/**
 * Parameters counted from the config fields (embeddings, attention or MLA projections, gated
 * MLPs, experts, routers, norms), independent of the sizing engine: a typo in any field moves
 * this count away from the vendor's published figure.
 */
function countParams(m: ModelEntry): { total: number; active: number } {
  const h = m.hiddenSize;
  let attn: number;
  if (m.mla) {
    const a = m.mla;
    const H = m.attentionHeads;
    const qk = a.qkNopeHeadDim + a.qkRopeHeadDim;
    const q = a.qLoraRank ? h * a.qLoraRank + a.qLoraRank + a.qLoraRank * H * qk : h * H * qk;
    attn = q + h * (a.kvLoraRank + a.qkRopeHeadDim) + a.kvLoraRank + a.kvLoraRank * H * (a.qkNopeHeadDim + a.vHeadDim) + H * a.vHeadDim * h;
  } else {
    const qd = m.attentionHeads * m.headDim;
    const kvd = m.kvHeads * m.headDim;
    attn = 2 * h * qd + 2 * h * kvd + (m.attentionBias ? qd + 2 * kvd : 0);
  }
  let total = m.vocabSize * h * (m.tiedEmbeddings ? 1 : 2) + h;
  let active = total;
  for (let i = 0; i < m.layers; i++) {
    const e = m.moe;
    const isMoe = e !== undefined && i >= e.denseLeadingLayers && (i + 1) % (e.moeEvery ?? 1) === 0;
    let t = attn + 2 * h;
    let a = t;
    if (e && isMoe) {
      const expert = 3 * h * e.expertIntermediateSize;
      const shared = e.sharedExperts * 3 * h * (e.sharedIntermediateSize ?? e.expertIntermediateSize);
      t += e.experts * expert + shared + h * e.experts;
      a += e.activeExperts * expert + shared + h * e.experts;
    } else {
      t += 3 * h * m.intermediateSize;
      a = t;
    }
    total += t;
    active += a;
  }
  return { total: total + (m.visionParams ?? 0), active };
}

describe('model catalog', () => {
  it('holds at least 40 models and every required id', () => {
    expect(models.length).toBeGreaterThanOrEqual(40);
    expect(REQUIRED_IDS.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('points every source at a Hugging Face config.json and names an owner/name repository', () => {
    for (const m of models) {
      expect(m.source, m.id).toMatch(/^https:\/\/huggingface\.co\/[\w.-]+\/[\w.-]+\/blob\/(main|[0-9a-f]{40})\/config\.json$/);
      expect(m.hfRepo, m.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
    }
  });

  // Hybrids (Gated DeltaNet, Mamba-2, per-layer block kinds, Gemma 4's global layers, DSA indexers,
  // latent MoE) have tensors this simple count does not model; the engine's own inventory is checked
  // against every vendor count below.
  const simple = (x: ModelEntry) => x.attentionLayout?.kind !== 'linear' && !x.blockPattern && !x.globalAttention && !x.indexer && !x.mamba && !x.moe?.latentSize;
  it('agrees with each vendor\'s parameter count to within 3% when counted from the config fields', () => {
    const off: string[] = [];
    for (const m of models.filter(simple)) {
      const { total } = countParams(m);
      const ratio = total / m.paramsReported;
      if (Math.abs(ratio - 1) > 0.03) off.push(`${m.id}: counted ${(total / 1e9).toFixed(2)}B vs reported ${(m.paramsReported / 1e9).toFixed(2)}B`);
    }
    expect(off).toEqual([]);
  });

  it('counts Llama 3.1 8B at exactly 8,030,261,248 parameters', () => {
    expect(countParams(get('llama-3.1-8b')).total).toBe(8_030_261_248);
  });

  it('gives MoE models an active count within 20% of the published one (embeddings are counted differently by vendors)', () => {
    for (const m of models.filter((x) => x.moe && simple(x))) {
      const { active } = countParams(m);
      // Some vendors leave the embedding lookup out of the active count, others keep it in.
      const withoutLookup = active - m.vocabSize * m.hiddenSize;
      const closest = Math.min(Math.abs(active / m.activeParamsReported! - 1), Math.abs(withoutLookup / m.activeParamsReported! - 1));
      expect(closest, m.id).toBeLessThan(0.2);
    }
  });

  it('counts every catalogued model, hybrids included, within 5% of its vendor\'s figure with the engine\'s tensor inventory (vision towers aside)', () => {
    const off: string[] = [];
    for (const m of models.filter((x) => !x.visionParams)) {
      const counted = tensorInventory(archFromModel(m)).totalParams;
      if (Math.abs(counted / m.paramsReported - 1) > 0.05) off.push(`${m.id}: ${(counted / 1e9).toFixed(2)}B vs ${(m.paramsReported / 1e9).toFixed(2)}B`);
    }
    // Gemma 3 4B's reported 4.3B includes its 0.4B vision tower, which the catalog row does not list;
    // Nemotron 3.5 Lightning's "30B" is its size name (the same architecture as Nemotron 3 Nano, 31.6B).
    expect(off.filter((x) => !x.startsWith('gemma-3-4b:') && !x.startsWith('nemotron-3.5-lightning-30b-a3b:'))).toEqual([]);
  });

  it('keeps Llama 3.1 8B KV cache at 131,072 bytes per token at f16 (2 x 32 layers x 8 KV heads x 128 x 2 bytes)', () => {
    const m = get('llama-3.1-8b');
    expect(2 * m.layers * m.kvHeads * m.headDim * 2).toBe(131_072);
  });

  it('records Mistral Large 2 as 88 layers with 96 heads and 8 KV heads, as its HF config says', () => {
    const m = get('mistral-large-2');
    expect([m.layers, m.attentionHeads, m.kvHeads, m.hiddenSize]).toEqual([88, 96, 8, 12288]);
  });

  it('ties Gemma embeddings and lays out sliding windows: Gemma 2 4096 every other layer, Gemma 3 1024 five local to one global', () => {
    for (const id of ['gemma-2-9b', 'gemma-2-27b']) {
      expect(get(id).tiedEmbeddings).toBe(true);
      expect(get(id).attentionLayout).toMatchObject({ kind: 'sliding', windowTokens: 4096, fullEvery: 2 });
    }
    for (const id of ['gemma-3-4b', 'gemma-3-12b', 'gemma-3-27b']) {
      expect(get(id).tiedEmbeddings).toBe(true);
      expect(get(id).attentionLayout).toMatchObject({ kind: 'sliding', windowTokens: 1024, fullEvery: 6 });
    }
    expect(get('gemma-3-1b').attentionLayout).toMatchObject({ kind: 'sliding', windowTokens: 512, fullEvery: 6 });
  });

  it('windows alternate gpt-oss layers at 128 tokens and ships their experts in MXFP4', () => {
    for (const id of ['gpt-oss-20b', 'gpt-oss-120b']) {
      expect(get(id).attentionLayout).toMatchObject({ kind: 'sliding', windowTokens: 128, fullEvery: 2 });
      expect(get(id).releasedFormat).toBe('MXFP4');
    }
    expect(get('gpt-oss-120b').moe).toMatchObject({ experts: 128, activeExperts: 4 });
  });

  it('gives DeepSeek V3/R1 multi-head latent attention of 512 + 64 and three dense leading layers, in FP8', () => {
    for (const id of ['deepseek-v3', 'deepseek-r1']) {
      const m = get(id);
      expect(m.mla).toMatchObject({ kvLoraRank: 512, qkRopeHeadDim: 64 });
      expect(m.moe).toMatchObject({ experts: 256, activeExperts: 8, sharedExperts: 1, denseLeadingLayers: 3 });
      expect(m.releasedFormat).toBe('FP8');
    }
  });

  it('chunks Llama 4 attention at 8192 with every fourth layer global, and alternates Maverick\'s dense and MoE layers', () => {
    for (const id of ['llama-4-scout', 'llama-4-maverick']) {
      expect(get(id).attentionLayout).toMatchObject({ kind: 'chunked', windowTokens: 8192, fullEvery: 4 });
      expect(get(id).moe).toMatchObject({ activeExperts: 1, sharedExperts: 1 });
    }
    expect(get('llama-4-maverick').moe).toMatchObject({ experts: 128, moeEvery: 2 });
    expect(get('llama-4-scout').moe!.moeEvery ?? 1).toBe(1);
  });

  it('gives Qwen3-30B-A3B 128 experts with 8 active and no shared expert', () => {
    expect(get('qwen3-30b-a3b').moe).toMatchObject({ experts: 128, activeExperts: 8, sharedExperts: 0, expertIntermediateSize: 768 });
  });

  it('keeps a fixed linear-attention state for Qwen3-Next instead of a cache on three of every four layers', () => {
    const m = get('qwen3-next-80b-a3b');
    expect(m.attentionLayout).toMatchObject({ kind: 'linear', fullEvery: 4 });
    // Recurrent state 32 value heads x 128 x 128 in FP32 plus the conv state (8192 channels x 3) in BF16.
    expect(m.attentionLayout!.linearStateBytesPerLayer).toBe(32 * 128 * 128 * 4 + 8192 * 3 * 2);
  });

  it('puts QKV bias on Qwen2.5 and not on Qwen3', () => {
    for (const m of models.filter((x) => x.id.startsWith('qwen2.5-'))) expect(m.attentionBias, m.id).toBe(true);
    for (const m of models.filter((x) => x.id.startsWith('qwen3-'))) expect(m.attentionBias ?? false, m.id).toBe(false);
  });

  it('gives every MoE model a published active count below its total, and no dense model one', () => {
    for (const m of models) {
      if (m.moe) expect(m.activeParamsReported! < m.paramsReported, m.id).toBe(true);
      else expect(m.activeParamsReported, m.id).toBeUndefined();
    }
  });
});
