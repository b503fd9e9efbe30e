/**
 * "What to run for agents on this rig today": for one rig, the best-scoring model in
 * data/agent-scores.json that the engine says fits entirely on the rig at the rule's context, in a
 * weight format at least as good as the rule's floor, and decodes at the rule's minimum speed or
 * faster. Pure: the caller passes the scores, the catalog's formats and model ids, and an estimate
 * function (the engine's `estimateFast` at build time, a fake in tests), so no number is computed
 * here; this only chooses among the engine's answers.
 */
import type { EstimateRequest } from '../../lib/request.ts';
import type { EstimateResult } from '../../lib/sizing/types.ts';

/** One row of data/agent-scores.json. */
export interface AgentScore { model: string; score: number; seen: string; source: string; note?: string }

/** What the selection needs of a weight format (a catalog QuantEntry satisfies it). */
export interface FormatRank { id: string; qualityRank: number; engines: readonly string[] }

/** A rig of the table: its memory tier, the catalog hardware id and, for unified memory, the installed GiB. */
export interface Rig { tier: string; hardware: string; memoryGb?: number }

/** The rule every row is chosen by. */
export interface WhatToRunRule {
  /** Context per sequence the model must fit at, tokens. */
  context: number;
  /** Lowest weight format allowed (by the catalog's quality rank). */
  floorFormat: string;
  engine: 'llama.cpp';
  /** Slowest decode rate allowed, tokens per second, as the engine estimates it. */
  minDecodeTokensPerSec: number;
  /** Formats never proposed although they rank above the floor (F32: twice BF16's size for nothing). */
  skipFormats: readonly string[];
}

export const WHAT_TO_RUN_RULE: WhatToRunRule = {
  context: 32768,
  floorFormat: 'Q4_K_M',
  engine: 'llama.cpp',
  minDecodeTokensPerSec: 15,
  skipFormats: ['F32'],
};

/** One device per memory tier, from 8 GB cards to the unified-memory boxes. */
export const WHAT_TO_RUN_RIGS: readonly Rig[] = [
  { tier: '8 GB', hardware: 'rtx-4060' },
  { tier: '12 GB', hardware: 'rtx-3060-12gb' },
  { tier: '16 GB', hardware: 'rtx-5060-ti-16gb' },
  { tier: '24 GB', hardware: 'rtx-3090' },
  { tier: '32 GB', hardware: 'rtx-5090' },
  { tier: '48 GB', hardware: 'rtx-pro-5000-blackwell' },
  { tier: '96 GB', hardware: 'rtx-pro-6000-blackwell' },
  { tier: '128 GB unified', hardware: 'dgx-spark' },
  { tier: '128 GB unified', hardware: 'ryzen-ai-max-395', memoryGb: 128 },
  { tier: '128 GB unified', hardware: 'm5-max-40c', memoryGb: 128 },
  { tier: '256 GB unified', hardware: 'm3-ultra-80c', memoryGb: 256 },
];

/** The model, format and estimated decode rate chosen for a rig, with the score row it came from. */
export interface WhatToRunPick {
  model: string;
  score: number;
  seen: string;
  source: string;
  quant: string;
  decodeTokensPerSec: number;
  decodeRange: [number, number];
}

/**
 * The formats the rule allows for an engine, best first: quality rank at or above the floor's,
 * loadable by the engine, not skipped. Throws if the floor format is unknown (a typo in the rule).
 */
export function allowedFormats(formats: readonly FormatRank[], rule: WhatToRunRule): string[] {
  const floor = formats.find((f) => f.id === rule.floorFormat);
  if (!floor) throw new Error(`what-to-run: floor format ${rule.floorFormat} is not in the catalog`);
  return formats
    .filter((f) => f.qualityRank >= floor.qualityRank && f.engines.includes(rule.engine) && !rule.skipFormats.includes(f.id))
    .sort((a, b) => b.qualityRank - a.qualityRank || a.id.localeCompare(b.id))
    .map((f) => f.id);
}

/** Scores of catalogued models, best first (ties by id, so the order never depends on the file's). */
export function rankedScores(scores: readonly AgentScore[], knownModels: ReadonlySet<string>): AgentScore[] {
  return scores
    .filter((s) => knownModels.has(s.model) && Number.isFinite(s.score))
    .sort((a, b) => b.score - a.score || a.model.localeCompare(b.model));
}

/**
 * The pick for one rig, or null when no scored model meets the rule. Models are tried from the best
 * score down; for each, formats from the best quality down, so the row shows the best format that
 * both fits and keeps the speed. A request the engine refuses (null) is skipped.
 */
export function whatToRun(
  rig: Rig,
  scores: readonly AgentScore[],
  formats: readonly FormatRank[],
  knownModels: ReadonlySet<string>,
  estimate: (req: EstimateRequest) => EstimateResult | null,
  rule: WhatToRunRule = WHAT_TO_RUN_RULE,
): WhatToRunPick | null {
  const quants = allowedFormats(formats, rule);
  for (const s of rankedScores(scores, knownModels)) {
    for (const quant of quants) {
      const req: EstimateRequest = { model: s.model, quant, context: rule.context, hardware: rig.hardware, engine: rule.engine };
      if (rig.memoryGb !== undefined) req.memoryGb = rig.memoryGb;
      const r = estimate(req);
      if (!r || r.fit?.verdict !== 'fits' || !r.speed) continue;
      if (!(r.speed.decodeTokensPerSec >= rule.minDecodeTokensPerSec)) continue;
      return { model: s.model, score: s.score, seen: s.seen, source: s.source, quant, decodeTokensPerSec: r.speed.decodeTokensPerSec, decodeRange: r.speed.decodeRange };
    }
  }
  return null;
}
