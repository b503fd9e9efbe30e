import { describe, expect, it } from 'vitest';
import { InputError } from '../request.ts';
import { rawModel } from './raw-model.ts';

const problem = (req: Parameters<typeof rawModel>[0]) => {
  try { rawModel(req); return null; } catch (e) { if (e instanceof InputError) return { field: e.field, message: e.message }; throw e; }
};

describe('a raw architecture', () => {
  it('checks values it works out against the same limits as given ones', () => {
    expect(problem({ params: 7e9, kvHeads: 4096 })).toEqual({ field: 'kvHeads', message: 'kvHeads (4096) cannot exceed the 32 heads the other fields give; give --heads' });
    expect(problem({ params: 7e9, heads: 7 })?.field).toBe('headDim');
    expect(problem({ layers: 32, hidden: 4096, params: 1e14 })).toEqual({ field: 'intermediate', message: 'the other fields give intermediate = 254,309,120, not a whole number from 1 to 4,000,000; give --intermediate' });
    expect(problem({ layers: 32, hidden: 4096, heads: 32, kvHeads: 64 })).toEqual({ field: 'kvHeads', message: 'kvHeads cannot exceed heads' });
  });
  it('accepts an ordinary model given by its fields or its count', () => {
    expect(problem({ layers: 32, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128, vocab: 128256, intermediate: 14336 })).toBeNull();
    expect(problem({ params: 8e9 })).toBeNull();
  });
  it('says when the architecture is far from the parameter count, in readable units', () => {
    expect(rawModel({ params: 1e6 }).warnings).toEqual(['the architecture closest to that count has 18.4M parameters, not the 1M given; sizes follow the architecture']);
    expect(rawModel({ layers: 32, hidden: 4096, heads: 32, params: 1e6 }).warnings[0]).toMatch(/^the architecture fields give \d\.\d+B parameters, not the 1M given/);
    expect(rawModel({ params: 8e9 }).warnings).toEqual([]);
  });
});
