/**
 * Rig builder table logic: filtering, sorting and "best model at N tok/s" over sweep results.
 * Pure functions (no Preact) so the benchmark script can time the full recompute. It selects and
 * orders engine results; it computes no new quantity.
 */
import { compareText } from '../../../lib/format/index.ts';
import type { FitVerdict } from '../../../lib/sizing/types.ts';

/** One model x format on one rig, as the engine's sweep reports it. */
export interface RigCell {
  verdict: FitVerdict;
  decodeTokensPerSec: number;
  decodeRange: [number, number];
  totalBytes: number;
}

/** One table row: a model at a weight format, with a cell per rig. */
export interface RigRow {
  model: string; name: string; family: string; totalParams: number; moe: boolean; quant: string; qualityRank: number;
  cells: (RigCell | null)[];
}

/** Size buckets for the filter, by total parameters. */
export const SIZE_BUCKETS = {
  small: { label: 'Up to 10B', min: 0, max: 10e9 },
  medium: { label: '10B–40B', min: 10e9, max: 40e9 },
  large: { label: '40B–150B', min: 40e9, max: 150e9 },
  huge: { label: 'Over 150B', min: 150e9, max: Number.MAX_VALUE },
} as const;

export type SizeBucket = keyof typeof SIZE_BUCKETS;

/** Table filters. Empty strings mean "any". */
export interface RigFilter { family: string; size: '' | SizeBucket; moe: '' | 'moe' | 'dense'; quant: string; fitsOnly: boolean }

/** Sort keys: model name, parameter count, or the decode speed on rig 0..2. */
export type RigSort = 'model' | 'params' | 'speed0' | 'speed1' | 'speed2';

/** Rows passing the filter. `quant` 'all' keeps every format. */
export function filterRows(rows: readonly RigRow[], f: RigFilter): RigRow[] {
  const b = f.size ? SIZE_BUCKETS[f.size] : null;
  return rows.filter((r) =>
    (!f.family || r.family === f.family)
    && (!b || (r.totalParams >= b.min && r.totalParams < b.max))
    && (!f.moe || (f.moe === 'moe') === r.moe)
    && (f.quant === 'all' || !f.quant || r.quant === f.quant)
    && (!f.fitsOnly || r.cells.some((c) => c !== null && c.verdict !== 'no-fit')));
}

function speedOf(c: RigCell | null | undefined): number {
  return c && c.verdict !== 'no-fit' ? c.decodeTokensPerSec : -1;
}

/** Sorted copy; `desc` reverses. Ties break by model name then format quality. */
export function sortRows(rows: readonly RigRow[], key: RigSort, desc: boolean): RigRow[] {
  const sign = desc ? -1 : 1;
  const idx = key.startsWith('speed') ? Number(key.slice(5)) : -1;
  return [...rows].sort((a, b) => {
    const d = key === 'model' ? compareText(a.name, b.name)
      : key === 'params' ? a.totalParams - b.totalParams
      : speedOf(a.cells[idx]) - speedOf(b.cells[idx]);
    return sign * d || compareText(a.name, b.name) || b.qualityRank - a.qualityRank;
  });
}

/**
 * The best model a rig runs at `minTps` or more: among rows that fit entirely on the rig (no
 * offload) with the engine's point decode speed at or above `minTps`, the one with the most total
 * parameters; between formats of the same model, the higher-quality format.
 */
export function bestAt(rows: readonly RigRow[], rig: number, minTps: number, minQualityRank = 0): RigRow | null {
  let best: RigRow | null = null;
  for (const r of rows) {
    const c = r.cells[rig];
    if (!c || c.verdict !== 'fits' || !(c.decodeTokensPerSec >= minTps) || r.qualityRank < minQualityRank) continue;
    if (!best || r.totalParams > best.totalParams || (r.totalParams === best.totalParams && r.qualityRank > best.qualityRank)) best = r;
  }
  return best;
}
