import { describe, expect, it } from 'vitest';
import { qualityHint } from './quality.ts';
import { fixtureCatalog } from './test-fixtures.ts';

describe('quality hint', () => {
  it('returns the measured KL divergence of Q4_K_M with its source and model', () => {
    const h = qualityHint(fixtureCatalog.qualityLoss!, 'q4_k_m', 'llama-3-8b')!;
    expect(h.meanKld).toBe(0.0313);
    expect(h.otherModel).toBe(false);
    expect(h.source).toMatch(/^https:\/\//);
  });
  it('flags a measurement made on another model', () => {
    expect(qualityHint(fixtureCatalog.qualityLoss!, 'Q4_K_M', 'qwen2.5-7b')!.otherModel).toBe(true);
  });
  it('returns null for a format without measurements', () => {
    expect(qualityHint(fixtureCatalog.qualityLoss!, 'IQ1_S')).toBeNull();
  });
});
