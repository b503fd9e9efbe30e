import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitted } from '../calibration/fitted.ts';
import { createFullEngine } from './full-engine.ts';
import { fixtureCatalog, fixtureHardware, fixtureModels } from './test-fixtures.ts';
import type { EngineId, KvCacheTypeId } from '../vocabulary.ts';
import type { EstimateResult } from './types.ts';
import { InputError } from '../request.ts';

const e = createFullEngine({ catalog: fixtureCatalog, calibration: fitted });
const gpuIds = fixtureHardware.filter((h) => !h.unifiedMemory).map((h) => h.id);

function numbers(r: EstimateResult): number[] {
  const out: number[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'number') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(r);
  return out;
}

const requestArb = fc.record({
  model: fc.constantFrom(...fixtureModels.map((m) => m.id)),
  engine: fc.constantFrom<EngineId>('llama.cpp', 'vllm', 'transformers'),
  context: fc.integer({ min: 1, max: 200_000 }),
  prompt: fc.integer({ min: 1, max: 8192 }),
  output: fc.integer({ min: 1, max: 2048 }),
  depth: fc.integer({ min: 0, max: 65536 }),
  sequences: fc.integer({ min: 1, max: 32 }),
  hardware: fc.tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom(...gpuIds)).map(([n, id]) => (n > 1 ? `${n}x${id}` : id)),
  ramGb: fc.option(fc.integer({ min: 8, max: 1024 }), { nil: undefined }),
});

describe('properties over random requests', () => {
  it('keeps every number finite and every size and speed non-negative (headroom excepted)', () => {
    fc.assert(fc.property(requestArb, (req) => {
      const clean = Object.fromEntries(Object.entries(req).filter(([, v]) => v !== undefined));
      let r: EstimateResult;
      try { r = e.estimate(clean); } catch (err) { if (err instanceof InputError) return true; throw err; }
      for (const x of numbers(r)) expect(Number.isFinite(x)).toBe(true);
      // Headroom is negative when it does not fit; every other number is a size, count or rate.
      const fit = r.fit ? { ...r.fit, headroomBytes: 0 } : null;
      for (const x of numbers({ ...r, fit })) expect(x).toBeGreaterThanOrEqual(0);
      if (r.fit?.verdict === 'fits') expect(r.fit.headroomBytes).toBeGreaterThanOrEqual(0);
      if (r.fit?.verdict === 'no-fit') expect(r.speed).toBeNull();
      return true;
    }), { numRuns: 150 });
  });

  it('never needs less memory for a longer context', () => {
    fc.assert(fc.property(
      fc.constantFrom(...fixtureModels.map((m) => m.id)), fc.integer({ min: 1024, max: 60000 }), fc.integer({ min: 1, max: 60000 }),
      fc.constantFrom<KvCacheTypeId>('f16', 'q8_0', 'q4_0'),
      (model, c1, extra, kvCache) => {
        const a = e.estimate({ model, context: c1, kvCache });
        const b = e.estimate({ model, context: c1 + extra, kvCache });
        expect(b.memory.totalBytes).toBeGreaterThanOrEqual(a.memory.totalBytes);
        expect(b.memory.kvCacheBytes).toBeGreaterThanOrEqual(a.memory.kvCacheBytes);
      }), { numRuns: 100 });
  });

  it('needs more memory for more parameters and more bits, and decodes slower for bigger models', () => {
    fc.assert(fc.property(
      fc.double({ min: 1e9, max: 2e11, noNaN: true }), fc.double({ min: 1.05, max: 3, noNaN: true }), fc.double({ min: 2, max: 15, noNaN: true }),
      (params, grow, bpw) => {
        const base = { bpw, hardware: '8xh100-sxm', context: 4096 };
        const small = e.estimate({ params, ...base });
        const big = e.estimate({ params: params * grow, ...base });
        const moreBits = e.estimate({ params, ...base, bpw: bpw + 1 });
        expect(big.memory.weightsBytes).toBeGreaterThan(small.memory.weightsBytes);
        expect(moreBits.memory.weightsBytes).toBeGreaterThan(small.memory.weightsBytes);
        if (small.speed && big.speed) expect(big.speed.decodeTokensPerSec).toBeLessThanOrEqual(small.speed.decodeTokensPerSec);
        if (small.speed && moreBits.speed) expect(moreBits.speed.decodeTokensPerSec).toBeLessThanOrEqual(small.speed.decodeTokensPerSec);
      }), { numRuns: 100 });
  });

  it('does not fit on fewer cards what does not fit on more of the same card', () => {
    fc.assert(fc.property(fc.constantFrom(...fixtureModels.map((m) => m.id)), fc.integer({ min: 1, max: 4 }), (model, n) => {
      const few = e.estimate({ model, quant: 'Q4_K_M', hardware: n > 1 ? `${n}xrtx-3090` : 'rtx-3090' });
      const more = e.estimate({ model, quant: 'Q4_K_M', hardware: `${n + 1}xrtx-3090` });
      if (few.fit!.fits) expect(more.fit!.fits).toBe(true);
      expect(more.fit!.maxContext).toBeGreaterThanOrEqual(few.fit!.maxContext);
    }), { numRuns: 30 });
  });

  it('answers arbitrary JSON with field problems that name a request field, or none exactly when estimate accepts it', () => {
    const keys = ['model', 'context', 'quant', 'hardware', 'sequences', 'bpw', 'engine', 'kvCache', 'ramGb', 'x'] as const;
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()), (req) => {
      const errs = e.validateRequest(req as never);
      for (const err of errs) {
        expect(['request', ...keys.filter((k) => k !== 'x')]).toContain(err.field);
        expect(err.message.length).toBeGreaterThan(0);
      }
      if ('x' in req) expect(errs.some((err) => err.field === 'request' && err.message.includes('"x"'))).toBe(true);
      let accepted = true;
      try { e.estimate(req as never); } catch (err) { if (!(err instanceof InputError)) throw err; accepted = false; }
      expect(errs.length === 0).toBe(accepted);
    }), { numRuns: 300 });
  });
});
