import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimate } from '../estimate.ts';
import type { EstimateResult } from '../sizing/types.ts';
import type { EstimateRequest } from '../request.ts';
import { computeAccuracy, headline, type AccuracyHeadline } from './accuracy.ts';
import { catalog } from '../catalog/index.ts';
import { generationOf } from '../sizing/rig.ts';
import { coverageOf, isApple } from './coverage.ts';
import { allRows, measurementFiles } from './dataset.ts';
import type { MeasurementRow } from './types.ts';

const record = JSON.parse(readFileSync(new URL('./accuracy-record.json', import.meta.url), 'utf8')) as {
  kinds: AccuracyHeadline[];
};
/** Float noise allowed before a figure counts as worse, in percentage points. */
const TOL = 0.05;

function stubRow(id: string, kind: MeasurementRow['kind'], measured: number | string, split: 'fit' | 'test' = 'test'): MeasurementRow {
  return {
    id, kind, split, group: id, scored: true,
    source: { url: 'https://github.com/a/b/pull/1', date: '2024-05', what: 'w' },
    measured: { value: measured, unit: 'x', reported: String(measured) },
    settings: { model: 'm', modelLabel: 'm', quant: 'Q4_K_M', engine: 'llama.cpp', engineVersion: 'v', backend: 'cuda',
      hardware: 'rtx-4090', hardwareLabel: 'h', devices: 1, splitMode: 'none', ngl: 99, context: 512, prompt: 0,
      output: 128, depth: 0, flashAttention: false, ubatch: 512, kvCache: 'f16' },
  };
}

/** A stub engine answering 100 t/s decode with range [90, 110], 1000 bytes of weights, verdict 'fits'. */
function stub(): EstimateResult {
  return {
    schemaVersion: 1, warnings: [], model: { id: 'm', name: 'm', totalParams: 1, activeParams: 1, maxContext: 1, source: 'catalog' },
    quant: { id: 'Q4_K_M', bitsPerWeight: 4.8 },
    settings: { context: 1, prompt: 1, output: 1, depth: 0, sequences: 1, kvUnified: false, ubatch: 512, kvCache: 'f16', engine: 'llama.cpp', split: 'layer', backend: null },
    memory: { weightsBytes: 1000, kvCacheBytes: 0, kvBytesPerToken: 0, overheadBytes: 0, totalBytes: 1000, hostBytes: 0, stateBytes: 0 }, hardware: null,
    fit: { verdict: 'fits', fits: true, offloadedLayers: 0, offloadedBytes: 0, headroomBytes: 1, maxContext: 1, bestQuant: null, offloadMode: null },
    speed: { decodeTokensPerSec: 100, decodeRange: [90, 110], prefillTokensPerSec: 1000, prefillRange: [900, 1100], timeToFirstTokenSec: 1, aggregateDecodeTokensPerSec: 100 },
  };
}

describe('accuracy figures', () => {
  it('reports median and p90 absolute error, signed bias, range coverage and the worst case per kind', () => {
    const rows = [80, 100, 125, 200].map((m, i) => stubRow(`d${i}`, 'decode', m));
    const k = computeAccuracy(rows, stub).kinds.find((x) => x.kind === 'decode-single')!;
    // errors: +25%, 0%, -20%, -50%
    expect(k.n).toBe(4);
    expect(k.medianAbsErrorPct).toBeCloseTo(22.5, 6);
    expect(k.biasPct).toBeCloseTo(-10, 6);
    expect(k.p90AbsErrorPct).toBeCloseTo(42.5, 6);
    expect(k.withinRangePct).toBe(25);
    expect(k.worst?.id).toBe('d3');
  });
  it('scores fit verdicts as right or wrong and ignores rows of the other split', () => {
    const rows = [stubRow('f0', 'fit', 'fits'), stubRow('f1', 'fit', 'no-fit'), stubRow('f2', 'fit', 'no-fit', 'fit')];
    const k = computeAccuracy(rows, stub).kinds.find((x) => x.kind === 'fit')!;
    expect(k.n).toBe(2);
    expect(k.correctPct).toBe(50);
  });
  it('skips rows the engine refuses or kept apart, with the reason, instead of failing', () => {
    const refused = (req: EstimateRequest): EstimateResult => { if (req.model === 'm') throw new Error('unknown model'); return stub(); };
    const apart = { ...stubRow('w1', 'weights', 1000), scored: false };
    const r = computeAccuracy([stubRow('w0', 'weights', 1000), apart], refused);
    const w = r.kinds.find((x) => x.kind === 'weights')!;
    expect(w.n).toBe(0);
    expect(w.skipped.map((s) => s.id).sort()).toEqual(['w0', 'w1']);
    expect(w.medianAbsErrorPct).toBeNull();
  });
});

describe('the calibration set', () => {
  it('gives every row a permalink, a date, settings and a measured value', () => {
    const ids = new Set<string>();
    const permalink = /^https:\/\/github\.com\/[^/]+\/[^/]+\/(blob\/[0-9a-f]{40}\/.+|pull\/\d+|issues\/\d+|discussions\/\d+)$/;
    for (const r of allRows) {
      expect(ids.has(r.id), r.id).toBe(false);
      ids.add(r.id);
      expect(r.source.url, r.id).toMatch(permalink);
      expect(r.source.date, r.id).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(r.settings.model && r.settings.quant && r.settings.engine && r.settings.engineVersion, r.id).toBeTruthy();
      expect(['fit', 'test'], r.id).toContain(r.split);
      if (r.kind === 'fit') expect(['fits', 'no-fit'], r.id).toContain(r.measured.value);
      else expect(typeof r.measured.value === 'number' && r.measured.value > 0, r.id).toBe(true);
      if (r.kind === 'decode' || r.kind === 'prefill' || r.kind === 'fit') {
        expect(r.settings.hardware, r.id).toBeTruthy();
        expect(r.settings.devices, r.id).toBeGreaterThanOrEqual(1);
        expect(r.settings.test, r.id).toBeTruthy();
        expect(r.settings.context, r.id).not.toBeNull();
      }
    }
  });
  it('keeps every run (group) on one side of the split', () => {
    const side = new Map<string, string>();
    for (const r of allRows) {
      const s = side.get(r.group);
      if (s) expect(r.split, r.group).toBe(s);
      else side.set(r.group, r.split);
    }
  });
  it('covers at least 20 devices (4 Apple, 2 multi-device set-ups) and 8 architectures on the test part', () => {
    const c = coverageOf(allRows.filter((r) => r.split === 'test'));
    expect(c.devices.length).toBeGreaterThanOrEqual(20);
    expect(c.appleDevices.length).toBeGreaterThanOrEqual(4);
    expect(c.multiDeviceSetups.length).toBeGreaterThanOrEqual(2);
    expect(c.architectures.length).toBeGreaterThanOrEqual(8);
  });
  it('holds scored speed rows of 2025-26 builds from at least 25 devices: 5 Apple with an M5, 4 AMD over ROCm and Vulkan, 4 Blackwell or Hopper', () => {
    const backends = new Map<string, Set<string>>();
    for (const r of allRows) {
      if ((r.kind !== 'decode' && r.kind !== 'prefill') || r.source.date < '2025' || !r.scored) continue;
      const id = (r.settings.hardware ?? '').split(',')[0]!.replace(/^\d+x/, '');
      if (id) backends.set(id, (backends.get(id) ?? new Set()).add(r.settings.backend ?? ''));
    }
    const generation = (id: string) => {
      const h = catalog.hardware.find((x) => x.id === id);
      return h ? generationOf(h) : 'other';
    };
    const ids = [...backends.keys()];
    expect(ids.length).toBeGreaterThanOrEqual(25);
    expect(ids.filter(isApple).length).toBeGreaterThanOrEqual(5);
    expect(ids.some((id) => generation(id) === 'm5')).toBe(true);
    const amd = ids.filter((id) => generation(id).startsWith('rdna'));
    expect(amd.length).toBeGreaterThanOrEqual(4);
    const amdBackends = new Set(amd.flatMap((id) => [...backends.get(id)!]));
    expect(amdBackends.has('rocm') && amdBackends.has('vulkan')).toBe(true);
    expect(ids.filter((id) => ['blackwell', 'blackwell-soc', 'hopper'].includes(generation(id))).length).toBeGreaterThanOrEqual(4);
  });
  it('has one file per kind', () => {
    expect(Object.keys(measurementFiles).sort()).toEqual(['decode', 'fit', 'kv-cache', 'prefill', 'weights']);
  });
});

describe('the accuracy ratchet', () => {
  const now = headline(computeAccuracy(allRows, estimate, 'test'));
  for (const rec of record.kinds) {
    it(`does not get worse than the recorded figures for ${rec.kind}`, () => {
      const cur = now.find((h) => h.kind === rec.kind)!;
      expect(cur, rec.kind).toBeDefined();
      expect(cur.n, `${rec.kind}: cases`).toBeGreaterThanOrEqual(rec.n);
      if (rec.medianAbsErrorPct !== null) expect(cur.medianAbsErrorPct ?? Infinity, `${rec.kind}: median`).toBeLessThanOrEqual(rec.medianAbsErrorPct + TOL);
      if (rec.p90AbsErrorPct !== null) expect(cur.p90AbsErrorPct ?? Infinity, `${rec.kind}: p90`).toBeLessThanOrEqual(rec.p90AbsErrorPct + TOL);
      if (rec.withinRangePct !== null) expect(cur.withinRangePct ?? -Infinity, `${rec.kind}: in range`).toBeGreaterThanOrEqual(rec.withinRangePct - TOL);
      if (rec.correctPct !== null) expect(cur.correctPct ?? -Infinity, `${rec.kind}: right`).toBeGreaterThanOrEqual(rec.correctPct - TOL);
    });
  }
});
