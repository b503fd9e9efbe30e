import { describe, expect, it } from 'vitest';
import { estimate } from '../estimate.ts';
import { allRows } from './dataset.ts';
import { fitRecord } from './fit-record.ts';
import { computeAccuracy, MIN_GROUP_ROWS, speedBreakdown } from './accuracy.ts';
import { buildAccuracyReport, scatterOf } from './report.ts';

describe('the accuracy report data', () => {
  it('puts a measured point on the diagonal when the estimate equals the measurement', () => {
    const c = scatterOf('decode-single', [{ id: 'a', kind: 'decode-single', split: 'test', model: 'm', modelLabel: 'M', quant: 'Q4_K_M', hardware: 'h', engine: 'llama.cpp', backend: 'cuda', depth: 0, test: 't', url: 'u', date: 'd',
      measured: 100, predicted: 100, errorPct: 0, range: null, inRange: null, correct: null }])!;
    const p = c.points[0]!;
    expect((p.x - c.plot.x0) / (c.plot.x1 - c.plot.x0)).toBeCloseTo((c.plot.y1 - p.y) / (c.plot.y1 - c.plot.y0), 2);
  });
  it('returns no chart for a kind without cases', () => {
    expect(scatterOf('prefill', [])).toBeNull();
  });
  it('builds a table row per kind, charts, and never a NaN from the real engine and data', () => {
    const d = buildAccuracyReport(allRows, estimate, fitRecord);
    expect(d.rows.map((r) => r.kind)).toEqual(['weights', 'kv-cache', 'decode-single', 'decode-multi', 'prefill', 'fit']);
    expect(d.charts.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(d)).not.toMatch(/NaN|Infinity/);
    expect(d.counts.total).toBe(allRows.length);
  });
  it('breaks speed down by group as `npm run accuracy` does, judging only groups with enough rows', () => {
    const d = buildAccuracyReport(allRows, estimate, fitRecord);
    const expected = speedBreakdown(computeAccuracy(allRows, estimate, 'test'));
    expect(d.groups.map((g) => [g.group, g.kind, g.n, g.medianAbsErrorPct, g.met])).toEqual(expected.map((g) => [g.group, g.kind, g.n, g.medianAbsErrorPct, g.met]));
    expect(d.groups.length).toBeGreaterThan(0);
    for (const g of d.groups) if (g.n < MIN_GROUP_ROWS) expect(g.met).toBeNull();
    expect(d.groupRule.minRows).toBe(MIN_GROUP_ROWS);
  });
});
