import { describe, expect, it } from 'vitest';
import type { EstimateResult } from './types.ts';
import { agentStepSeconds, qualityKnee } from './derived.ts';

function result(speed: EstimateResult['speed'], output = 400): EstimateResult {
  return {
    schemaVersion: 1, warnings: [], model: { id: 'm', name: 'M', totalParams: 1, activeParams: 1, maxContext: 8192, source: 'catalog' },
    quant: { id: 'Q4_K_M', bitsPerWeight: 4.8 },
    settings: { context: 8192, prompt: 6000, output, depth: 0, sequences: 1, kvUnified: false, ubatch: 512, kvCache: 'f16', engine: 'llama.cpp', split: 'layer', backend: null },
    memory: { weightsBytes: 1, kvCacheBytes: 1, kvBytesPerToken: 1, overheadBytes: 1, totalBytes: 3, hostBytes: 0, stateBytes: 0 },
    hardware: null, fit: null, speed,
  };
}

describe('agentStepSeconds', () => {
  it('adds the time to first token and the answer at the decode rate: 1.3 s + 400 tokens at 50 tok/s = 9.3 s', () => {
    const r = agentStepSeconds(result({ decodeTokensPerSec: 50, decodeRange: [40, 60], prefillTokensPerSec: 4000, prefillRange: [3000, 5000], timeToFirstTokenSec: 1.3, aggregateDecodeTokensPerSec: 50 }));
    expect(r?.seconds).toBeCloseTo(9.3, 10);
    // fast: 1.3 x 4000/5000 + 400/60 = 1.04 + 6.667; slow: 1.3 x 4000/3000 + 400/40 = 1.733 + 10
    expect(r?.range[0]).toBeCloseTo(7.7067, 3);
    expect(r?.range[1]).toBeCloseTo(11.7333, 3);
  });
  it('returns null when the run has no speed or a zero rate, never Infinity', () => {
    expect(agentStepSeconds(result(null))).toBeNull();
    expect(agentStepSeconds(result({ decodeTokensPerSec: 0, decodeRange: [0, 0], prefillTokensPerSec: 1, prefillRange: [1, 1], timeToFirstTokenSec: 1, aggregateDecodeTokensPerSec: 0 }))).toBeNull();
  });
});

describe('qualityKnee', () => {
  it('finds the format before the steepest rise in quality loss per bit saved', () => {
    // ln KLD falls by about 1 per bit down to 4.9 bits, then 3 per bit below: the knee is the 4.9-bit format.
    const pts = [
      { quant: 'A', bitsPerWeight: 8.5, meanKld: Math.exp(-8) },
      { quant: 'B', bitsPerWeight: 6.6, meanKld: Math.exp(-6.1) },
      { quant: 'C', bitsPerWeight: 4.9, meanKld: Math.exp(-4.4) },
      { quant: 'D', bitsPerWeight: 3.9, meanKld: Math.exp(-1.4) },
      { quant: 'E', bitsPerWeight: 3.0, meanKld: Math.exp(1.3) },
    ];
    expect(qualityKnee(pts)).toBe('C');
  });
  it('ignores formats without a measurement and needs four of them', () => {
    expect(qualityKnee([{ quant: 'A', bitsPerWeight: 8, meanKld: 0.001 }, { quant: 'B', bitsPerWeight: 6, meanKld: null }, { quant: 'C', bitsPerWeight: 4, meanKld: 0.03 }])).toBeNull();
  });
  it('returns null when the loss per bit never speeds up', () => {
    const flat = [8, 7, 6, 5, 4].map((b, i) => ({ quant: `Q${i}`, bitsPerWeight: b, meanKld: Math.exp(-b) }));
    expect(qualityKnee(flat)).toBeNull();
  });
});

describe('qualityKnee on a frontier', () => {
  it('drops formats that a smaller format beats before looking for the knee', () => {
    const pts = [
      { quant: 'Q8_0', bitsPerWeight: 8.5, meanKld: 0.0014 }, { quant: 'Q6_K', bitsPerWeight: 6.56, meanKld: 0.0055 },
      { quant: 'Q5_K_M', bitsPerWeight: 5.7, meanKld: 0.0108 }, { quant: 'Q4_K_M', bitsPerWeight: 4.89, meanKld: 0.0282 },
      { quant: 'Q4_0', bitsPerWeight: 4.65, meanKld: 0.0719 }, { quant: 'IQ4_XS', bitsPerWeight: 4.42, meanKld: 0.0363 },
      { quant: 'Q3_K_M', bitsPerWeight: 4.0, meanKld: 0.0844 }, { quant: 'IQ3_XXS', bitsPerWeight: 3.25, meanKld: 0.184 },
      { quant: 'Q2_K', bitsPerWeight: 3.16, meanKld: 0.445 }, { quant: 'IQ2_M', bitsPerWeight: 2.93, meanKld: 0.326 },
      { quant: 'IQ2_XXS', bitsPerWeight: 2.38, meanKld: 0.812 },
    ];
    // Frontier slopes of ln(KLD) per bit: ... 4.89->4.42: 0.53, 4.42->4.00: 2.02 (the largest rise): knee IQ4_XS.
    expect(qualityKnee(pts)).toBe('IQ4_XS');
  });
});
