/**
 * Accuracy of the engine against the calibration set: per kind, the number of cases, median and
 * 90th-percentile absolute % error, bias (signed median % error), the worst case, and how often
 * the measurement falls inside the engine's speed range. Pure: the caller passes the rows and
 * the `estimate` function, so tests can use a stub engine and the site the real one.
 */
import type { EstimateResult } from '../sizing/types.ts';
import type { EstimateRequest } from '../request.ts';
import { accuracyKindOf, KIND_LABELS, predictionFor, requestFor, type AccuracyKind } from './requests.ts';
import { median, pctError, quantile, round } from './stats.ts';
import type { MeasurementRow } from './types.ts';

/** The engine entry point, as `src/lib/estimate.ts` exports it. */
export type EstimateFn = (req: EstimateRequest) => EstimateResult;

/** One scored case. `errorPct` is signed ((predicted - measured) / measured x 100). */
export interface CaseResult {
  id: string;
  kind: AccuracyKind;
  split: 'fit' | 'test';
  model: string;
  /** The model as the source named it (e.g. "Meta Llama 3 8B Q4_K_M"). */
  modelLabel: string;
  quant: string;
  hardware: string | null;
  /** The run's engine and backend, and the tokens already in its cache. */
  engine: string;
  backend: string | null;
  depth: number;
  test: string | null;
  url: string;
  date: string;
  measured: number | string;
  predicted: number | string;
  errorPct: number | null;
  range: [number, number] | null;
  inRange: boolean | null;
  correct: boolean | null;
}

/** Why a row could not be scored. */
export interface SkippedCase { id: string; kind: AccuracyKind; reason: string }

/** The figures of one kind. Percentages are in %, rounded to 2 decimals; null when n = 0. */
export interface KindAccuracy {
  kind: AccuracyKind;
  label: string;
  n: number;
  medianAbsErrorPct: number | null;
  p90AbsErrorPct: number | null;
  biasPct: number | null;
  /** Share of cases whose measurement lies inside the engine's [p10, p90] range, %. */
  withinRangePct: number | null;
  /** Fit verdicts only: share of right verdicts, %. */
  correctPct: number | null;
  worst: CaseResult | null;
  skipped: SkippedCase[];
  cases: CaseResult[];
}

/** The whole report. */
export interface AccuracyReport {
  split: 'fit' | 'test' | 'all';
  kinds: KindAccuracy[];
  /** Oldest and newest measurement dates among the scored cases (YYYY or YYYY-MM or YYYY-MM-DD). */
  dataDates: { oldest: string | null; newest: string | null };
}

const KINDS: AccuracyKind[] = ['weights', 'kv-cache', 'decode-single', 'decode-multi', 'prefill', 'fit'];

/** Scores one row; returns a case or the reason it was skipped. */
export function scoreRow(row: MeasurementRow, estimate: EstimateFn): CaseResult | SkippedCase {
  const kind = accuracyKindOf(row);
  if (!row.scored) return { id: row.id, kind, reason: 'kept apart (unusual recipe or not comparable)' };
  let result: EstimateResult;
  try {
    result = estimate(requestFor(row));
  } catch (e) {
    return { id: row.id, kind, reason: `engine refused: ${e instanceof Error ? e.message : String(e)}` };
  }
  const p = predictionFor(row, result);
  if (!p) return { id: row.id, kind, reason: 'engine gave no value (e.g. judged no-fit, so no speed)' };
  const base = {
    id: row.id, kind, split: row.split, model: row.settings.model, modelLabel: row.settings.modelLabel, quant: row.settings.quant,
    hardware: row.settings.hardware,
    engine: row.settings.engine, backend: row.settings.backend, depth: row.settings.depth,
    test: row.settings.test ?? null, url: row.source.url, date: row.source.date, measured: row.measured.value,
    predicted: p.value,
  };
  if (kind === 'fit') {
    return { ...base, errorPct: null, range: null, inRange: null, correct: p.value === row.measured.value };
  }
  const m = typeof row.measured.value === 'number' ? row.measured.value : Number.NaN;
  const v = typeof p.value === 'number' ? p.value : Number.NaN;
  const err = pctError(v, m);
  if (err === null) return { id: row.id, kind, reason: 'prediction or measurement not a finite positive number' };
  const range = p.range && Number.isFinite(p.range[0]) && Number.isFinite(p.range[1]) ? p.range : null;
  const inRange = range ? m >= Math.min(range[0], range[1]) && m <= Math.max(range[0], range[1]) : null;
  return { ...base, errorPct: round(err, 3), range, inRange, correct: null };
}

function isCase(x: CaseResult | SkippedCase): x is CaseResult {
  return 'measured' in x;
}

/** Summary figures of one kind from its cases. */
export function summarise(kind: AccuracyKind, cases: CaseResult[], skipped: SkippedCase[]): KindAccuracy {
  const errs = cases.map((c) => c.errorPct).filter((e): e is number => e !== null);
  const abs = errs.map(Math.abs);
  const ranged = cases.filter((c) => c.inRange !== null);
  const judged = cases.filter((c) => c.correct !== null);
  let worst: CaseResult | null = null;
  for (const c of cases) {
    if (c.errorPct !== null && (worst === null || Math.abs(c.errorPct) > Math.abs(worst.errorPct ?? 0))) worst = c;
    if (c.correct === false && worst === null) worst = c;
  }
  return {
    kind, label: KIND_LABELS[kind], n: cases.length,
    medianAbsErrorPct: round(median(abs)),
    p90AbsErrorPct: round(quantile(abs, 0.9)),
    biasPct: round(median(errs)),
    withinRangePct: ranged.length ? round((ranged.filter((c) => c.inRange).length / ranged.length) * 100) : null,
    correctPct: judged.length ? round((judged.filter((c) => c.correct).length / judged.length) * 100) : null,
    worst, skipped, cases,
  };
}

/**
 * Scores the rows of one split (default 'test') with the given engine and summarises per kind.
 * Rows of the other split are ignored entirely.
 */
export function computeAccuracy(rows: readonly MeasurementRow[], estimate: EstimateFn, split: 'fit' | 'test' | 'all' = 'test'): AccuracyReport {
  const chosen = rows.filter((r) => split === 'all' || r.split === split);
  const byKind = new Map<AccuracyKind, { cases: CaseResult[]; skipped: SkippedCase[] }>();
  for (const k of KINDS) byKind.set(k, { cases: [], skipped: [] });
  for (const row of chosen) {
    const r = scoreRow(row, estimate);
    const bucket = byKind.get(r.kind)!;
    if (isCase(r)) bucket.cases.push(r); else bucket.skipped.push(r);
  }
  const dates = [...byKind.values()].flatMap((b) => b.cases.map((c) => c.date)).sort();
  return {
    split,
    kinds: KINDS.map((k) => summarise(k, byKind.get(k)!.cases, byKind.get(k)!.skipped)),
    dataDates: { oldest: dates[0] ?? null, newest: dates[dates.length - 1] ?? null },
  };
}

/** The headline figures only (no per-case rows), as the ratchet record stores them. */
export interface AccuracyHeadline {
  kind: AccuracyKind;
  n: number;
  medianAbsErrorPct: number | null;
  p90AbsErrorPct: number | null;
  biasPct: number | null;
  withinRangePct: number | null;
  correctPct: number | null;
}

/** Strips a report to its headline figures. */
export function headline(report: AccuracyReport): AccuracyHeadline[] {
  return report.kinds.map(({ kind, n, medianAbsErrorPct, p90AbsErrorPct, biasPct, withinRangePct, correctPct }) =>
    ({ kind, n, medianAbsErrorPct, p90AbsErrorPct, biasPct, withinRangePct, correctPct }));
}

/** The accuracy targets on the test part, per kind (absolute % errors; fit verdicts % right). */
export const TARGETS: Record<AccuracyKind, { medianAbsErrorPct?: number; p90AbsErrorPct?: number; correctPct?: number }> = {
  weights: { medianAbsErrorPct: 1, p90AbsErrorPct: 3 },
  'kv-cache': { medianAbsErrorPct: 0.5, p90AbsErrorPct: 0.5 },
  'decode-single': { medianAbsErrorPct: 12, p90AbsErrorPct: 30 },
  'decode-multi': { medianAbsErrorPct: 12, p90AbsErrorPct: 30 },
  prefill: { medianAbsErrorPct: 20, p90AbsErrorPct: 45 },
  fit: { correctPct: 95 },
};

/** Whether a kind's headline meets its target (null when there are no cases). */
export function meetsTarget(h: AccuracyHeadline): boolean | null {
  if (h.n === 0) return null;
  const t = TARGETS[h.kind];
  if (t.correctPct !== undefined) return (h.correctPct ?? 0) >= t.correctPct;
  return (h.medianAbsErrorPct ?? Infinity) <= (t.medianAbsErrorPct ?? Infinity) && (h.p90AbsErrorPct ?? Infinity) <= (t.p90AbsErrorPct ?? Infinity);
}

/** The groups the speed accuracy is broken down by: backend families of llama.cpp, other engines, depth, era. */
export const SPEED_GROUPS = ['CUDA', 'Metal', 'Vulkan', 'ROCm', 'SYCL', 'MLX', 'vLLM/SGLang', 'Transformers', 'depth >= 4096', 'builds before 2025', 'builds of 2025-26'] as const;
export type SpeedGroup = (typeof SPEED_GROUPS)[number];

/** The groups a speed case belongs to (its engine or backend family, and depth and era where they apply). */
export function speedGroupsOf(c: CaseResult): SpeedGroup[] {
  const out: SpeedGroup[] = [];
  if (c.engine === 'mlx') out.push('MLX');
  else if (c.engine === 'vllm' || c.engine === 'sglang') out.push('vLLM/SGLang');
  else if (c.engine === 'transformers') out.push('Transformers');
  else {
    const b = ({ cuda: 'CUDA', metal: 'Metal', vulkan: 'Vulkan', rocm: 'ROCm', sycl: 'SYCL' } as const)[c.backend as 'cuda'];
    if (b) out.push(b);
  }
  if (c.depth >= 4096) out.push('depth >= 4096');
  out.push(c.date < '2025' ? 'builds before 2025' : 'builds of 2025-26');
  return out;
}

/**
 * The speed targets of each group on the test part (absolute % error, median / 90th percentile),
 * applied where a group has at least `MIN_GROUP_ROWS` test rows: the 2025-26 groups at 10/25 for
 * decode and 15/35 for prefill; the older builds at 12/30 and 20/45.
 */
export const GROUP_TARGETS = {
  current: { decode: [10, 25], prefill: [15, 35] },
  older: { decode: [12, 30], prefill: [20, 45] },
} as const;
export const MIN_GROUP_ROWS = 10;
/** Share of test rows whose measurement each group's ranges must cover, %. */
export const RANGE_COVERAGE_TARGET = 80;

/** One line of the breakdown. */
export interface GroupAccuracy {
  group: SpeedGroup;
  kind: 'decode' | 'prefill';
  n: number;
  medianAbsErrorPct: number | null;
  p90AbsErrorPct: number | null;
  withinRangePct: number | null;
  target: readonly [number, number];
  /** null when the group has fewer than MIN_GROUP_ROWS rows (reported, not judged). */
  met: boolean | null;
}

/** Decode (one device and several) and prefill accuracy per group. */
export function speedBreakdown(report: AccuracyReport): GroupAccuracy[] {
  const speed = report.kinds.filter((k) => k.kind === 'decode-single' || k.kind === 'decode-multi' || k.kind === 'prefill').flatMap((k) => k.cases);
  const out: GroupAccuracy[] = [];
  for (const kind of ['decode', 'prefill'] as const) {
    for (const group of SPEED_GROUPS) {
      const cases = speed.filter((c) => (kind === 'prefill') === (c.kind === 'prefill') && speedGroupsOf(c).includes(group));
      if (cases.length === 0) continue;
      const abs = cases.map((c) => Math.abs(c.errorPct ?? 0));
      const ranged = cases.filter((c) => c.inRange !== null);
      const target = group === 'builds before 2025' ? GROUP_TARGETS.older[kind] : GROUP_TARGETS.current[kind];
      const med = round(median(abs));
      const p90 = round(quantile(abs, 0.9));
      const within = ranged.length ? round((ranged.filter((c) => c.inRange).length / ranged.length) * 100) : null;
      out.push({
        group, kind, n: cases.length, medianAbsErrorPct: med, p90AbsErrorPct: p90, withinRangePct: within, target,
        met: cases.length < MIN_GROUP_ROWS ? null : (med ?? Infinity) <= target[0] && (p90 ?? Infinity) <= target[1] && (within ?? 0) >= RANGE_COVERAGE_TARGET,
      });
    }
  }
  return out;
}
