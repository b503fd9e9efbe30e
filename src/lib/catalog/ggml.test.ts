import { describe, expect, it } from 'vitest';
import { ggmlFallback, ggmlTypes, ggufFileTypes, isGgufFileType, type GgmlType } from './ggml.ts';

const bitsPerWeight = (t: GgmlType) => (8 * ggmlTypes[t].blockBytes) / ggmlTypes[t].blockWeights;

describe('GGML block layouts', () => {
  it('stores Q4_K at 4.5 bits, Q6_K at 6.5625, Q8_0 at 8.5 and MXFP4 at 4.25 bits per weight', () => {
    expect(bitsPerWeight('Q4_K')).toBe(4.5);
    expect(bitsPerWeight('Q6_K')).toBe(6.5625);
    expect(bitsPerWeight('Q8_0')).toBe(8.5);
    expect(bitsPerWeight('MXFP4')).toBe(4.25);
    expect(bitsPerWeight('Q2_K')).toBe(2.625);
  });
  it('maps llama.cpp file types to their base tensor type (IQ2_M -> IQ2_S, IQ3_M -> IQ3_S)', () => {
    expect(ggufFileTypes.Q4_K_M).toBe('Q4_K');
    expect(ggufFileTypes.IQ2_M).toBe('IQ2_S');
    expect(ggufFileTypes.IQ3_M).toBe('IQ3_S');
    expect(isGgufFileType('Q4_K_M')).toBe(true);
    expect(isGgufFileType('FP8')).toBe(false);
  });
  it('falls back like llama.cpp when a row does not divide into 256-weight blocks', () => {
    expect(ggmlFallback('Q4_K', 4096)).toBe('Q4_K');
    expect(ggmlFallback('Q4_K', 2880)).toBe('Q5_0');
    expect(ggmlFallback('Q6_K', 2880)).toBe('Q8_0');
    expect(ggmlFallback('IQ2_XXS', 2880)).toBe('IQ4_NL');
    expect(ggmlFallback('Q4_K', 100)).toBe('F16');
  });
});
