import { describe, expect, it } from 'vitest';
import { qualityLoss } from './quality.ts';

const llama3 = qualityLoss.filter((q) => q.model === 'llama-3-8b');
const plain = (quant: string) => llama3.find((q) => q.quant === quant && q.note?.includes('No imatrix'))!;

describe('quality-loss measurements', () => {
  it('carries llama.cpp\'s Llama 3 8B KL-divergence table: Q4_K_M 0.0313 without an imatrix, 0.0282 with one', () => {
    expect(plain('Q4_K_M').meanKld).toBe(0.0313);
    expect(plain('Q4_K_M').sameTopTokenPct).toBe(91.9);
    expect(llama3.find((q) => q.quant === 'Q4_K_M' && q.note?.includes('imatrix from'))!.meanKld).toBe(0.0282);
  });

  it('loses more as the format gets smaller (KL divergence rises Q8_0 < Q6_K < Q5_K_M < Q4_K_M < Q4_0 < Q2_K)', () => {
    const klds = ['Q8_0', 'Q6_K', 'Q5_K_M', 'Q4_K_M', 'Q4_0', 'Q2_K'].map((q) => plain(q).meanKld!);
    expect(klds.every((k, i) => i === 0 || k > klds[i - 1]!)).toBe(true);
  });

  it('derives each Llama 3 8B perplexity change from the published perplexity over FP16\'s 6.233', () => {
    for (const q of llama3) {
      const ppl = Number(/PPL ([\d.]+)\.$/.exec(q.note ?? '')?.[1]);
      expect(q.pplDeltaPct, q.quant).toBeCloseTo((ppl / 6.233 - 1) * 100, 2);
    }
  });

  it('shows the bigger Llama 2 70B losing less at Q4_K_M (+1.20% perplexity) than Llama 3 8B (+2.79%)', () => {
    const l2 = qualityLoss.find((q) => q.model === 'Llama 2 70B' && q.quant === 'Q4_K_M')!;
    expect(l2.pplDeltaPct).toBe(1.2);
    expect(plain('Q4_K_M').pplDeltaPct).toBeCloseTo(2.79, 2);
  });

  it('uses llama.cpp weight-format ids only', () => {
    const ids = new Set(['Q8_0', 'Q6_K', 'Q5_K_M', 'Q5_K_S', 'Q4_K_M', 'Q4_K_S', 'Q4_0', 'IQ4_XS', 'Q3_K_M', 'IQ3_XXS', 'IQ2_M', 'Q2_K', 'IQ2_XXS']);
    for (const q of qualityLoss) expect(ids.has(q.quant), q.quant).toBe(true);
  });
});
