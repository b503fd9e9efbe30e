/**
 * The quant-table helper (Quantization explorer): every weight format of one model with size,
 * verdict, speed and quality hint. A module of its own so only the pages that show it ship it.
 */
import type { QualityEntry } from '../catalog/types.ts';
import type { EngineCore } from './engine/index.ts';
import type { EstimateRequest } from '../request.ts';
import { qualityHint } from './quality.ts';
import type { QualityHint } from './quality.ts';

/** One row of a quant table (bytes, tokens per second). */
export interface QuantRow {
  quant: string;
  bitsPerWeight: number;
  weightsBytes: number;
  totalBytes: number;
  verdict: 'fits' | 'offload' | 'no-fit' | null;
  decodeTokensPerSec: number;
  decodeRange: [number, number];
  quality: QualityHint | null;
}

/**
 * One row per weight format the engine loads (up to the released format's quality), with size,
 * verdict, decode speed and the quality hint from `qualityLoss` (default: the core catalog's rows).
 * Rows sorted best quality first. Never throws.
 */
export function quantTable(core: EngineCore, base: EstimateRequest, qualityLoss: readonly QualityEntry[] = core.catalog.qualityLoss ?? []): QuantRow[] {
  const rows: QuantRow[] = [];
  const engine = base.engine ?? 'llama.cpp';
  let releasedRank = Infinity;
  let moe = true;
  if (base.model) {
    const m = core.modelById.get(base.model.toLowerCase());
    const rq = m ? core.quantById.get(m.releasedFormat.toLowerCase()) : undefined;
    if (rq) releasedRank = rq.qualityRank;
    if (m) moe = m.moe !== undefined;
  }
  const qs = core.catalog.quants.filter((q) => q.engines.includes(engine) && q.qualityRank <= releasedRank && (q.id !== 'MXFP4' || moe)).sort((x, y) => y.qualityRank - x.qualityRank);
  for (const q of qs) {
    const req: EstimateRequest = { ...base, quant: q.id };
    delete req.bpw;
    const e = core.estimateFast(req);
    if (!e) continue;
    rows.push({
      quant: q.id, bitsPerWeight: e.quant.bitsPerWeight, weightsBytes: e.memory.weightsBytes, totalBytes: e.memory.totalBytes,
      verdict: e.fit?.verdict ?? null, decodeTokensPerSec: e.speed?.decodeTokensPerSec ?? 0, decodeRange: e.speed?.decodeRange ?? [0, 0],
      quality: qualityHint(qualityLoss, q.id, base.model),
    });
  }
  return rows;
}
