/**
 * The rig builder's sweep: every catalogued model x format on up to three rigs, from the engine,
 * arranged as table rows (only the rig builder page ships this module).
 */
import type { EstimateRequest } from '../../../lib/request.ts';
import { catalog, modelOf } from './catalog.ts';
import { computing } from './engine.ts';
import type { SweepOptions } from '../../../lib/sizing/sweep.ts';
import type { RigRow } from './rig-table.ts';

/** Hardware-specific request fields that belong to rig 1 only (Apple memory size, custom specs, RAM). */
const RIG_FIELDS = ['hardware', 'memoryGb', 'bandwidthGbs', 'tflops', 'devices', 'backend', 'ramGb', 'ramBandwidthGbs'] as const;

/** Quality rank of each format id, and of each model's released format (computed once per page). */
const quantRank = new Map(catalog.quants.map((q) => [q.id, q.qualityRank]));
const releasedRank = new Map(catalog.models.map((m) => [m.id, quantRank.get(m.releasedFormat) ?? Number.MAX_VALUE]));

/**
 * Every catalogued model x format on up to three rigs, as table rows with one cell per rig.
 * Rig 1 uses the base request's hardware fields as they are (custom specs, Apple memory, RAM);
 * rigs 2 and 3 are catalog specs with the catalog's memory. Formats the engine cannot load with
 * the chosen engine are left out by the sweep; a combination missing on one rig gets a null cell.
 * `quants` limits the formats (default: every catalogued format), so a view that shows one format
 * and answers at 4-bit quality or better does not pay for the 1- to 3-bit rows.
 */
export function sweepRigs(base: EstimateRequest, rigs: readonly string[], quants?: readonly string[]): RigRow[] {
  const { engine, sweep } = computing();
  const rows = new Map<string, RigRow>();
  const bare: EstimateRequest = { ...base };
  for (const k of RIG_FIELDS) delete bare[k];
  rigs.forEach((spec, i) => {
    const req = i === 0 ? base : bare;
    const hardware = i === 0 ? (base.hardware ? [base.hardware] : undefined) : [spec];
    // One sweep per rig (the engine resolves the rig once per call), then drop formats above the release
    // (F32 of a BF16 model, BF16 of an MXFP4 one add size, not quality). Sweep rows are finite by the
    // engine's contract; the formatters still print a dash for anything that is not.
    const opts: SweepOptions = hardware ? { hardware } : {};
    if (quants) opts.quants = [...quants];
    const swept = sweep(engine, req, opts);
    for (const s of swept) {
      const rank = quantRank.get(s.quant) ?? 0;
      if (rank > (releasedRank.get(s.model) ?? Number.MAX_VALUE)) continue;
      const key = `${s.model}|${s.quant}`;
      let row = rows.get(key);
      if (!row) {
        const m = modelOf(s.model);
        row = {
          model: s.model, name: m?.name ?? s.model, family: m?.family ?? '', totalParams: m?.paramsReported ?? 0,
          moe: Boolean(m?.moe), quant: s.quant, qualityRank: rank, cells: rigs.map(() => null),
        };
        rows.set(key, row);
      }
      row.cells[i] = s.verdict ? { verdict: s.verdict, decodeTokensPerSec: s.decodeTokensPerSec, decodeRange: s.decodeRange, totalBytes: s.totalBytes } : null;
    }
  });
  return [...rows.values()];
}
