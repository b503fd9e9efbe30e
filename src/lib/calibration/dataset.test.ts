import { describe, expect, it } from 'vitest';
import { allRows } from './dataset.ts';
import type { MeasurementRow } from './types.ts';

/** What makes two rows the same measurement: one thread or file, one run's shape, one value (ids and group keys aside). */
const measurementKey = (r: MeasurementRow) => {
  const s = r.settings;
  return [r.kind, r.source.url.replace(/#.*$/, ''), s.hardware, s.backend, s.model, s.quant, s.prompt, s.output, s.depth, r.measured.value].join('|');
};

describe('the calibration set', () => {
  it('holds each measurement once, so no row can sit in the fit part and again in the test part', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const r of allRows) {
      const k = measurementKey(r);
      const first = seen.get(k);
      if (first) twice.push(`${first} = ${r.id}`);
      else seen.set(k, r.id);
    }
    expect(twice).toEqual([]);
  });
});
