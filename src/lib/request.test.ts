import { describe, expect, it } from 'vitest';
import { checkRequestFields, RAW_ARCH_FIELDS, REQUEST_FIELDS, REQUEST_GROUPS, REQUEST_SCHEMA } from './request.ts';

describe('the request schema', () => {
  it('gives every field one kebab-case flag of its own', () => {
    const flags = [...REQUEST_FIELDS.values()].map((f) => f.flag);
    expect(new Set(flags).size).toBe(flags.length);
    for (const f of flags) expect(f).toMatch(/^--[a-z]+(-[a-z]+)*$/);
    expect(REQUEST_FIELDS.size).toBe(REQUEST_GROUPS.reduce((n, g) => n + Object.keys(REQUEST_SCHEMA[g]).length, 0));
  });
  it('lists the raw architecture fields as every model field but the model sources (catalog id, config.json, GGUF header)', () => {
    expect(RAW_ARCH_FIELDS).toEqual(Object.keys(REQUEST_SCHEMA.model).filter((k) => !['model', 'config', 'gguf'].includes(k)));
  });
  it('accepts a request with a value of the right type inside every limit', () => {
    const req: Record<string, unknown> = {};
    for (const [k, f] of REQUEST_FIELDS) req[k] = f.type === 'number' ? f.max : f.type === 'enum' ? f.values[0] : f.type === 'boolean' ? false : f.type === 'object' ? {} : 'x';
    expect(checkRequestFields(req)).toEqual([]);
  });
  it('names the field and the problem for each kind of bad value', () => {
    expect(checkRequestFields(null)).toEqual([{ field: 'request', message: 'the request must be a JSON object' }]);
    expect(checkRequestFields([])).toEqual([{ field: 'request', message: 'the request must be a JSON object' }]);
    expect(checkRequestFields({ colour: 'red' })).toEqual([{ field: 'request', message: 'unknown field "colour"' }]);
    expect(checkRequestFields({ context: '8k' })).toEqual([{ field: 'context', message: 'context must be a number' }]);
    expect(checkRequestFields({ context: 1.5 })).toEqual([{ field: 'context', message: 'context must be a whole number' }]);
    expect(checkRequestFields({ depth: -5 })).toEqual([{ field: 'depth', message: 'depth must be between 0 and 100000000 (got -5)' }]);
    expect(checkRequestFields({ gpuMemoryFraction: 1.01 })).toEqual([{ field: 'gpuMemoryFraction', message: 'gpuMemoryFraction must be between 0.05 and 1 (got 1.01)' }]);
    expect(checkRequestFields({ engine: 'exllama' })).toEqual([{ field: 'engine', message: 'engine must be one of llama.cpp, vllm, sglang, ollama, mlx, transformers (got "exllama")' }]);
    expect(checkRequestFields({ model: ' ' })).toEqual([{ field: 'model', message: 'model must be a non-empty string' }]);
    expect(checkRequestFields({ flashAttention: 'on' })).toEqual([{ field: 'flashAttention', message: 'flashAttention must be true or false' }]);
    expect(checkRequestFields({ config: 'config.json' })).toEqual([{ field: 'config', message: 'config must be a JSON object' }]);
    expect(checkRequestFields({ gguf: [1] })).toEqual([{ field: 'gguf', message: 'gguf must be a JSON object' }]);
  });
  it('reports every problem of a request, not only the first', () => {
    expect(checkRequestFields({ context: 0, sequences: 0, x: 1 }).map((e) => e.field)).toEqual(['request', 'context', 'sequences']);
  });
});
