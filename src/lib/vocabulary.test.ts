import { describe, expect, it } from 'vitest';
import { quants } from './catalog/quants.ts';
import { KV_CACHE_TYPES, KV_CACHE_TYPES_BY_ENGINE, ENGINES, QUANT_FAMILIES, WEIGHT_FAMILIES, weightFamilyOf } from './vocabulary.ts';

describe('the vocabulary', () => {
  it('runs GPTQ, AWQ and MLX affine formats as 4-bit group formats, INT8 as an 8-bit format, no format as float, the rest as themselves', () => {
    expect(weightFamilyOf('gptq')).toBe('int4-group');
    expect(weightFamilyOf('awq')).toBe('int4-group');
    expect(weightFamilyOf('mlx-affine')).toBe('int4-group');
    expect(weightFamilyOf('int8')).toBe('fp8');
    expect(weightFamilyOf(null)).toBe('float');
    for (const f of QUANT_FAMILIES.filter((x) => !['gptq', 'awq', 'mlx-affine', 'int8'].includes(x))) expect(weightFamilyOf(f)).toBe(f);
    for (const f of QUANT_FAMILIES) expect(WEIGHT_FAMILIES).toContain(weightFamilyOf(f));
  });
  it('gives every engine a KV-cache list drawn from the KV-cache types, with 16-bit first', () => {
    for (const e of ENGINES) {
      const types = KV_CACHE_TYPES_BY_ENGINE[e];
      // Ollama's OLLAMA_KV_CACHE_TYPE takes f16, q8_0 or q4_0 (no bf16).
      expect(types.slice(0, e === 'ollama' ? 1 : 2)).toEqual(e === 'ollama' ? ['f16'] : ['f16', 'bf16']);
      for (const t of types) expect(KV_CACHE_TYPES).toContain(t);
    }
  });
  it('has a family for every catalogued weight format', () => {
    for (const q of quants) expect(QUANT_FAMILIES).toContain(q.family);
  });
});
