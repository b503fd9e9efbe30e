/**
 * Quality hint: an indicative loss for a weight format, from published measurements against
 * 16-bit (mean KL divergence, perplexity change), with the model it was measured on and the source.
 * The catalog's quality rows are the data; this picks the most relevant row.
 */
import type { QualityEntry } from '../catalog/types.ts';

/** The measurement shown for a format, or null when none is catalogued. */
export interface QualityHint {
  quant: string;
  meanKld: number | null;
  pplDeltaPct: number | null;
  sameTopTokenPct: number | null;
  /** Model the measurement was made on. */
  model: string;
  source: string;
  /** True when the measurement is on another model than the one asked about. */
  otherModel: boolean;
  note: string | null;
}

/**
 * The best quality row for `quant`: one measured on `modelId` if any, else one on the same family
 * (model id prefix before the first digit run), else the first catalogued. Case-insensitive ids.
 */
export function qualityHint(rows: readonly QualityEntry[], quant: string, modelId?: string): QualityHint | null {
  const q = quant.toUpperCase();
  const matches = rows.filter((r) => r.quant.toUpperCase() === q);
  if (matches.length === 0) return null;
  const family = (id: string) => id.toLowerCase().split(/[-\s]/)[0] ?? '';
  const exact = modelId ? matches.find((r) => r.model.toLowerCase() === modelId.toLowerCase()) : undefined;
  const fam = modelId ? matches.find((r) => family(r.model) === family(modelId)) : undefined;
  const r = exact ?? fam ?? matches[0]!;
  return {
    quant: r.quant,
    meanKld: r.meanKld ?? null,
    pplDeltaPct: r.pplDeltaPct ?? null,
    sameTopTokenPct: r.sameTopTokenPct ?? null,
    model: r.model,
    source: r.source,
    otherModel: !exact,
    note: r.note ?? null,
  };
}
