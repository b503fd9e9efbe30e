import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/index.ts';
import { fitted } from '../calibration/fitted.ts';
import { createEngine } from './engine/index.ts';
import { hardwareTiers } from './tiers.ts';

const core = createEngine({ catalog, calibration: fitted });
const rank = new Map(catalog.quants.map((q) => [q.id, q.qualityRank]));
const q4Rank = rank.get('Q4_0')!;

describe('hardwareTiers', () => {
  it('never shows a tier example at a format below Q4_0 quality', () => {
    const runs = hardwareTiers(core).flatMap((t) => t.runs);
    expect(runs.length).toBeGreaterThan(5);
    for (const r of runs) expect(rank.get(r.quant)!).toBeGreaterThanOrEqual(q4Rank);
  });

  it('gives each run a decode range around its point speed', () => {
    for (const r of hardwareTiers(core).flatMap((t) => t.runs)) {
      expect(r.decodeRange[0]).toBeLessThanOrEqual(r.decodeTokensPerSec);
      expect(r.decodeRange[1]).toBeGreaterThanOrEqual(r.decodeTokensPerSec);
    }
  });

  it('runs smaller models or formats at 128K context than at 8K on the lightweight tier', () => {
    const at = (context: number) => hardwareTiers(core, { context }).find((t) => t.id === 'lightweight')!.runs;
    expect(JSON.stringify(at(131072))).not.toBe(JSON.stringify(at(8192)));
  });

  it('falls back to 8K context for a nonsensical context instead of failing', () => {
    expect(hardwareTiers(core, { context: Number.NaN })).toEqual(hardwareTiers(core));
  });
});
