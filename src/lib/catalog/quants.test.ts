import { describe, expect, it } from 'vitest';
import { quants } from './quants.ts';
import { ggmlTypes, ggufFileTypes } from './ggml.ts';

const REQUIRED = 'F32 F16 BF16 Q8_0 Q6_K Q5_K_M Q5_K_S Q5_1 Q5_0 Q4_K_M Q4_K_S Q4_1 Q4_0 IQ4_XS IQ4_NL Q3_K_L Q3_K_M Q3_K_S IQ3_M IQ3_XXS Q2_K IQ2_M IQ2_XS IQ2_XXS IQ1_M IQ1_S MXFP4 FP8 INT8 GPTQ-INT4 AWQ-INT4 NVFP4'.split(' ');

describe('weight formats', () => {
  it('lists every required format, once', () => {
    const ids = quants.map((q) => q.id);
    for (const id of REQUIRED) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('gives every GGUF file type a base type with a block layout', () => {
    for (const q of quants) {
      if (q.family.startsWith('gguf')) {
        const base = ggufFileTypes[q.id as keyof typeof ggufFileTypes];
        expect(base, q.id).toBeDefined();
        const l = ggmlTypes[base];
        expect((l.blockBytes * 8) / l.blockWeights).toBeCloseTo(q.nominalBitsPerWeight, 6);
      }
    }
  });
  it('has a source URL on every row and engines that can load it', () => {
    for (const q of quants) {
      expect(q.source).toMatch(/^https:\/\//);
      expect(q.engines.length).toBeGreaterThan(0);
    }
  });
  it('ranks quality in the order of the llama.cpp KL-divergence table', () => {
    const rank = (id: string) => quants.find((q) => q.id === id)!.qualityRank;
    const order = ['Q8_0', 'Q6_K', 'Q5_K_M', 'Q4_K_M', 'IQ4_XS', 'Q4_0', 'Q3_K_M', 'IQ3_XXS', 'IQ2_M', 'Q2_K', 'IQ2_XXS', 'IQ1_S'];
    for (let i = 1; i < order.length; i++) expect(rank(order[i - 1]!)).toBeGreaterThan(rank(order[i]!));
  });
});
