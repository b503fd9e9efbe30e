import { describe, expect, it } from 'vitest';
import { bestAt, filterRows, sortRows, type RigRow } from './rig-table.ts';

const cell = (verdict: 'fits' | 'offload' | 'no-fit', tps: number) => ({ verdict, decodeTokensPerSec: tps, decodeRange: [tps * 0.8, tps * 1.2] as [number, number], totalBytes: 1 });
const row = (model: string, params: number, quant: string, rank: number, cells: RigRow['cells'], family = 'llama', moe = false): RigRow =>
  ({ model, name: model, family, totalParams: params, moe, quant, qualityRank: rank, cells });

const rows: RigRow[] = [
  row('small', 8e9, 'Q4_K_M', 78, [cell('fits', 120), cell('fits', 90)]),
  row('small', 8e9, 'Q8_0', 95, [cell('fits', 80), cell('fits', 60)]),
  row('big', 70e9, 'Q4_K_M', 78, [cell('fits', 18), cell('no-fit', 0)]),
  row('big', 70e9, 'Q2_K', 47, [cell('fits', 25), cell('offload', 21)]),
  row('moe', 30e9, 'Q4_K_M', 78, [cell('fits', 90), cell('offload', 30)], 'qwen', true),
];

describe('rig table', () => {
  it('picks the largest model at or above the speed, then the better format', () => {
    expect(bestAt(rows, 0, 20)?.quant).toBe('Q2_K');
    expect(bestAt(rows, 0, 20)?.model).toBe('big');
    expect(bestAt(rows, 0, 100)?.quant).toBe('Q4_K_M');
    expect(bestAt(rows, 0, 1000)).toBeNull();
  });
  it('does not count offloaded runs as fitting the rig', () => {
    expect(bestAt(rows, 1, 20)?.model).toBe('small');
    expect(bestAt(rows, 1, 20)?.quant).toBe('Q8_0');
  });
  it('filters by family, size, MoE, format and fit', () => {
    expect(filterRows(rows, { family: 'qwen', size: '', moe: '', quant: 'all', fitsOnly: false })).toHaveLength(1);
    expect(filterRows(rows, { family: '', size: 'small', moe: '', quant: 'all', fitsOnly: false })).toHaveLength(2);
    expect(filterRows(rows, { family: '', size: '', moe: 'dense', quant: 'Q4_K_M', fitsOnly: false })).toHaveLength(2);
    expect(filterRows([row('x', 1, 'Q4_K_M', 1, [cell('no-fit', 0)])], { family: '', size: '', moe: '', quant: 'all', fitsOnly: true })).toHaveLength(0);
  });
  it('sorts by speed on a rig with non-fitting rows last', () => {
    const s = sortRows(rows, 'speed1', true);
    expect(s.map((r) => r.cells[1]?.decodeTokensPerSec)).toEqual([90, 60, 30, 21, 0]);
    expect(sortRows(rows, 'params', false)[0]?.model).toBe('small');
  });
});
