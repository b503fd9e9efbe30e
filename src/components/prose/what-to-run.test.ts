import { describe, expect, it } from 'vitest';
import type { EstimateRequest } from '../../lib/request.ts';
import type { EstimateResult } from '../../lib/sizing/types.ts';
import { models, quants, hardware } from '../../lib/catalog/index.ts';
import { engine } from '../../lib/estimate.ts';
import scores from '../../../data/agent-scores.json' with { type: 'json' };
import { allowedFormats, rankedScores, whatToRun, WHAT_TO_RUN_RIGS, WHAT_TO_RUN_RULE, type AgentScore, type FormatRank } from './what-to-run.ts';

const formats: FormatRank[] = [
  { id: 'F32', qualityRank: 100, engines: ['llama.cpp'] },
  { id: 'BF16', qualityRank: 99, engines: ['llama.cpp', 'vllm'] },
  { id: 'FP8', qualityRank: 96, engines: ['vllm'] },
  { id: 'Q8_0', qualityRank: 95, engines: ['llama.cpp'] },
  { id: 'Q4_K_M', qualityRank: 78, engines: ['llama.cpp'] },
  { id: 'Q3_K_M', qualityRank: 62, engines: ['llama.cpp'] },
];
const row = (model: string, score: number): AgentScore => ({ model, score, seen: '2025-12-16', source: 'https://example.org/s' });

/** A fake engine: each model has a memory need per format and a speed per format; the rig has a capacity. */
function fakeEstimate(table: Record<string, Record<string, { gb: number; tps: number }>>, capacityGb: number) {
  const calls: EstimateRequest[] = [];
  const fn = (req: EstimateRequest): EstimateResult | null => {
    calls.push(req);
    const e = table[String(req.model)]?.[String(req.quant)];
    if (!e) return null;
    const fits = e.gb <= (req.memoryGb ?? capacityGb);
    return {
      fit: { verdict: fits ? 'fits' : 'no-fit' },
      speed: fits ? { decodeTokensPerSec: e.tps, decodeRange: [e.tps * 0.8, e.tps * 1.2] } : null,
    } as unknown as EstimateResult;
  };
  return { fn, calls };
}

describe('allowedFormats', () => {
  it('keeps formats at or above the floor that the engine loads, best first, without F32', () => {
    expect(allowedFormats(formats, WHAT_TO_RUN_RULE)).toEqual(['BF16', 'Q8_0', 'Q4_K_M']);
  });
  it('refuses an unknown floor', () => {
    expect(() => allowedFormats(formats, { ...WHAT_TO_RUN_RULE, floorFormat: 'Q4_X' })).toThrow(/floor/);
  });
  it('agrees with the catalog: Q4_K_M and better GGUF formats only', () => {
    const ids = allowedFormats(quants, WHAT_TO_RUN_RULE);
    expect(ids).toContain('Q4_K_M');
    expect(ids).toContain('Q8_0');
    expect(ids).not.toContain('IQ4_XS');
    expect(ids).not.toContain('MXFP4');
    expect(ids).not.toContain('FP8');
    expect(ids).not.toContain('F32');
  });
});

describe('rankedScores', () => {
  it('drops models outside the catalog and sorts by score, ties by id', () => {
    const ranked = rankedScores([row('b', 40), row('missing', 99), row('a', 40), row('c', 50)], new Set(['a', 'b', 'c']));
    expect(ranked.map((r) => r.model)).toEqual(['c', 'a', 'b']);
  });
});

describe('whatToRun', () => {
  const known = new Set(['big', 'mid', 'small']);
  const table = {
    big: { BF16: { gb: 200, tps: 5 }, Q8_0: { gb: 100, tps: 9 }, Q4_K_M: { gb: 60, tps: 14 } },
    mid: { BF16: { gb: 60, tps: 10 }, Q8_0: { gb: 32, tps: 18 }, Q4_K_M: { gb: 18, tps: 30 }, Q3_K_M: { gb: 14, tps: 40 } },
    small: { BF16: { gb: 16, tps: 25 }, Q8_0: { gb: 9, tps: 45 }, Q4_K_M: { gb: 5, tps: 80 } },
  };
  const scores = [row('big', 60), row('mid', 50), row('small', 30)];

  it('takes the best-scoring model that fits and keeps the speed, in its best such format', () => {
    const { fn } = fakeEstimate(table, 64);
    // big fits at Q4_K_M but at 14 t/s; mid at BF16 fits at 10 t/s, at Q8_0 at 18 t/s.
    expect(whatToRun({ tier: '64 GB', hardware: 'x' }, scores, formats, known, fn)).toMatchObject({ model: 'mid', quant: 'Q8_0', decodeTokensPerSec: 18, score: 50, seen: '2025-12-16' });
  });

  it('never goes below the floor format, and returns null when nothing qualifies', () => {
    const { fn } = fakeEstimate(table, 4);
    expect(whatToRun({ tier: '4 GB', hardware: 'x' }, scores, formats, known, fn)).toBeNull();
    const { fn: fn16 } = fakeEstimate(table, 16);
    // mid fits only at Q3_K_M on 16 GB, which is below Q4_K_M: small wins.
    expect(whatToRun({ tier: '16 GB', hardware: 'x' }, scores, formats, known, fn16)).toMatchObject({ model: 'small', quant: 'BF16' });
  });

  it('asks for the rule\'s context and engine, and passes a unified rig\'s memory', () => {
    const { fn, calls } = fakeEstimate(table, 0);
    whatToRun({ tier: '128 GB unified', hardware: 'box', memoryGb: 128 }, scores, formats, known, fn);
    expect(calls[0]).toEqual({ model: 'big', quant: 'BF16', context: 32768, hardware: 'box', engine: 'llama.cpp', memoryGb: 128 });
  });
});

describe('the table over the real catalog and engine', () => {
  const known = new Set(models.map((m) => m.id));
  const hwIds = new Set(hardware.map((h) => h.id));
  it('names only catalogued rigs', () => {
    expect(WHAT_TO_RUN_RIGS.map((r) => r.hardware).filter((id) => !hwIds.has(id))).toEqual([]);
  });
  it('finds a pick for every rig that meets the rule by the engine\'s own numbers', () => {
    for (const rig of WHAT_TO_RUN_RIGS) {
      const pick = whatToRun(rig, scores.rows, quants, known, engine.estimateFast);
      expect(pick, rig.hardware).not.toBeNull();
      expect(pick!.decodeTokensPerSec, rig.hardware).toBeGreaterThanOrEqual(15);
      const q = quants.find((x) => x.id === pick!.quant)!;
      expect(q.qualityRank, rig.hardware).toBeGreaterThanOrEqual(quants.find((x) => x.id === 'Q4_K_M')!.qualityRank);
    }
  });
});
