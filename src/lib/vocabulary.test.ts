import { describe, expect, it } from 'vitest';
import { quants } from './catalog/quants.ts';
import { KV_CACHE_TYPES, KV_CACHE_TYPES_BY_ENGINE, ENGINES, QUANT_FAMILIES, WEIGHT_FAMILIES, weightFamilyOf } from './vocabulary.ts';

describe('the vocabulary', () => {
  it('runs GPTQ and AWQ as 4-bit group formats, INT8 as an 8-bit format, no format as float, the rest as themselves', () => {
    expect(weightFamilyOf('gptq')).toBe('int4-group');
    expect(weightFamilyOf('awq')).toBe('int4-group');
    expect(weightFamilyOf('int8')).toBe('fp8');
    expect(weightFamilyOf(null)).toBe('float');
    for (const f of QUANT_FAMILIES.filter((x) => !['gptq', 'awq', 'int8'].includes(x))) expect(weightFamilyOf(f)).toBe(f);
    for (const f of QUANT_FAMILIES) expect(WEIGHT_FAMILIES).toContain(weightFamilyOf(f));
  });
  it('gives every engine a KV-cache list drawn from the KV-cache types, with 16-bit first', () => {
    for (const e of ENGINES) {
      const types = KV_CACHE_TYPES_BY_ENGINE[e];
      expect(types.slice(0, 2)).toEqual(['f16', 'bf16']);
      for (const t of types) expect(KV_CACHE_TYPES).toContain(t);
    }
  });
  it('has a family for every catalogued weight format', () => {
    for (const q of quants) expect(QUANT_FAMILIES).toContain(q.family);
  });
});
