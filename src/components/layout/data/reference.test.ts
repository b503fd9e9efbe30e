import { describe, expect, it } from 'vitest';
import { getModel, hardware, models } from '../../../lib/catalog/index.ts';
import { estimate } from '../../../lib/estimate.ts';
import { hardwarePage, isLowBit, modelPage, modelQuickAnswer, rigSpec, withArticle } from './reference.ts';

const llama70 = getModel('llama-3.1-70b')!;
const rtx3090 = hardware.find((h) => h.id === 'rtx-3090')!;

describe('model page data', () => {
  const page = modelPage(llama70);
  it('shows memory at 8K and 32K context for every listed format', () => {
    expect(page.contexts).toEqual([8192, 32768]);
    for (const row of page.memory) expect(row.totals).toHaveLength(2);
  });
  it('quotes the engine: Q4_K_M weights in the table equal the estimate, formatted in GB', () => {
    const r = estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', context: 8192 });
    const row = page.memory.find((m) => m.quant === 'Q4_K_M')!;
    expect(row.weights).toBe(`${(r.memory.weightsBytes / 1e9).toFixed(1)} GB`);
  });
  it('lists only rigs on which the engine says the model fits', () => {
    expect(page.rigs.length).toBeGreaterThan(0);
    for (const rig of page.rigs) {
      expect(estimate({ model: 'llama-3.1-70b', quant: rig.bestQuant, context: 8192, hardware: rig.spec }).fit!.fits).toBe(true);
    }
  });
  it('never renders NaN or Infinity anywhere on any model page', () => {
    for (const m of models) expect(JSON.stringify(modelPage(m))).not.toMatch(/NaN|Infinity/);
  });
  it('answers "can I run it" in words a search would match, e.g. two RTX 3090s for a 70B', () => {
    expect(modelQuickAnswer(llama70)).toMatch(/two RTX 3090s/);
  });
});

describe('hardware page data', () => {
  const page = hardwarePage(rtx3090);
  it('keeps formats below 4 bits out of the main "fits" table', () => {
    for (const row of page.fits) expect(isLowBit(row.bestQuant)).toBe(false);
    for (const row of page.fitsLowBit) expect(isLowBit(row.bestQuant)).toBe(true);
  });
  it("shows an M5's matrix-unit rate beside its FP32-rate figure, and no such line for a card without one", () => {
    const m5 = hardwarePage(hardware.find((h) => h.id === 'm5-max-40c')!);
    expect(m5.specs.find((f) => f.label.startsWith('FP16 matrix units'))?.value).toMatch(/^\d+(\.\d+)? TFLOPS/);
    expect(page.specs.some((f) => f.label.startsWith('FP16 matrix units'))).toBe(false);
  });
  it('puts Llama 3.1 8B among the models that fit one RTX 3090 and 405B among those that do not', () => {
    expect(page.fits.map((f) => f.modelId)).toContain('llama-3.1-8b');
    expect([...page.noFit, ...page.offload].map((f) => f.modelId)).toContain('llama-3.1-405b');
  });
});

describe('small helpers', () => {
  it('writes multi-device specs as NxID', () => {
    expect(rigSpec('rtx-3090', 2)).toBe('2xrtx-3090');
    expect(rigSpec('rtx-3090', 1)).toBe('rtx-3090');
  });
  it('uses "an" before letter names and vowels, "a" otherwise', () => {
    expect(withArticle('RTX 3090')).toBe('an RTX 3090');
    expect(withArticle('Apple M4 Max')).toBe('an Apple M4 Max');
    expect(withArticle('DGX Spark')).toBe('a DGX Spark');
  });
});

describe('isLowBit', () => {
  it('counts 3-bit and smaller GGUF formats as low-bit, and 4-bit ones (Q4_0, MXFP4, Q4_K_M) as not', () => {
    expect(isLowBit('Q3_K_M')).toBe(true);
    expect(isLowBit('IQ2_XS')).toBe(true);
    for (const q of ['Q4_0', 'MXFP4', 'Q4_K_M', 'BF16']) expect(isLowBit(q)).toBe(false);
  });
});
