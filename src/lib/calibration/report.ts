/**
 * Data for the "Measured accuracy" section of the methodology page: the headline table, one
 * scatter chart per kind (estimate against measurement, log-log, with the SVG geometry
 * precomputed so the component only renders), per-case text alternatives, and what the engine
 * leaves out. Pure: pass the rows and the engine; no DOM, no Astro.
 */
import { computeAccuracy, headline, meetsTarget, MIN_GROUP_ROWS, RANGE_COVERAGE_TARGET, speedBreakdown, TARGETS, type AccuracyReport, type CaseResult, type EstimateFn, type GroupAccuracy, type KindAccuracy } from './accuracy.ts';
import { coverageOf } from './coverage.ts';
import { KIND_LABELS, type AccuracyKind } from './requests.ts';
import { round } from './stats.ts';
import type { FitRecord, MeasurementRow } from './types.ts';

/** One headline row of the table: the kind's figures (see KindAccuracy), its target and its worst case. */
export interface ReportRow extends Pick<KindAccuracy, 'kind' | 'label' | 'n' | 'medianAbsErrorPct' | 'p90AbsErrorPct' | 'biasPct' | 'withinRangePct' | 'correctPct'> {
  target: string;
  met: boolean | null;
  worst: { id: string; text: string; url: string } | null;
}

/** A scatter chart in SVG user units (viewBox 0 0 width height). */
export interface ScatterChart {
  kind: AccuracyKind;
  title: string;
  unit: string;
  width: number;
  height: number;
  plot: { x0: number; y0: number; x1: number; y1: number };
  /** Axis ticks: `x` on the horizontal axis, `y` on the vertical one (same values on both). */
  ticks: { value: number; label: string; x: number; y: number }[];
  diagonal: string;
  band: [string, string];
  points: { x: number; y: number; inRange: boolean | null; label: string }[];
  /** Positions of the axis titles. */
  axis: { xTitleX: number; xTitleY: number; yTitleX: number; yTitleY: number };
}

/**
 * One line of the speed breakdown by backend family, engine, depth and era (`speedBreakdown`, the
 * table `npm run accuracy` prints), with its target worded for the page.
 */
export interface GroupRow extends Pick<GroupAccuracy, 'group' | 'kind' | 'n' | 'medianAbsErrorPct' | 'p90AbsErrorPct' | 'withinRangePct' | 'met'> {
  target: string;
}

/** One case for the text alternative. */
export interface ReportCase { id: string; model: string; hardware: string; test: string; measured: string; estimate: string; errorPct: string; url: string }

/** Everything the component renders. */
export interface AccuracyReportData {
  rows: ReportRow[];
  /** Speed per group; a group with fewer than `groupRule.minRows` rows is reported, not judged (met null). */
  groups: GroupRow[];
  groupRule: { minRows: number; rangeCoveragePct: number };
  charts: ScatterChart[];
  cases: { kind: AccuracyKind; label: string; cases: ReportCase[] }[];
  counts: { total: number; fit: number; test: number; byKind: { kind: string; fit: number; test: number }[] };
  coverage: { devices: number; apple: number; multi: number; architectures: string[] };
  dataDates: AccuracyReport['dataDates'];
  fittedOn: FitRecord;
  notModelled: string[];
}

/** What the engine leaves out, stated next to its error figures. */
export const NOT_MODELLED: string[] = [
  'Differences between llama.cpp builds beyond two kernel eras: the calibration rows span builds from 2023 to 2026; bandwidth and compute efficiencies are shared by both eras, and only the per-layer decode cost of the 2024 kernels is fitted apart (request `kernels: 2024`).',
  'CPU-side limits (slow host CPUs, NUMA, PCIe generation) and thermal throttling on laptops.',
  'Speculative decoding, prompt caching and batching schedulers: every speed is batch 1 unless sequences > 1.',
  'Tensor-parallel speed: the set holds two tensor-split rows, too few to fit its scaling, which stays a prior.',
  'Discrete AMD cards under ROCm and Vulkan, Intel (SYCL) and CPU-only speeds: most ROCm and Vulkan rows come from one integrated GPU (Ryzen AI Max+ 395); discrete RDNA 3 and RDNA 4 cards have a handful of rows each, SYCL seven per kind, CPU-only none.',
  'vLLM, SGLang and Transformers speeds: the set holds two vLLM rows and none for SGLang or Transformers, so their efficiencies are priors. MLX has efficiencies of its own, fitted on 38 rows from three Macs (M3 Ultra, M4 Max, M5 Max).',
  'Flash attention is one on/off setting (default on) with one fitted attention cost per backend where that backend has enough rows measured with it on.',
  'The dequantize-then-FP16-GEMM prefill path of llama.cpp builds before June 2024: on cards with little bandwidth for their compute (A40, L40S, RTX 4000/5000 Ada) quantized 70B prefill ran about half as fast as the model says; current builds use int8 MMQ kernels instead.',
  'Early mixture-of-experts kernels: llama.cpp builds of late 2023 ran Mixtral prefill several times slower than today; the test part keeps those rows and they are the largest prefill errors.',
];

const fmtBytes = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
const fmtSpeed = (t: number) => (t >= 100 ? t.toFixed(0) : t >= 10 ? t.toFixed(1) : t.toFixed(2));

function formatValue(kind: AccuracyKind, v: number | string): string {
  if (typeof v === 'string') return v;
  if (kind === 'weights' || kind === 'kv-cache') return fmtBytes(v);
  return `${fmtSpeed(v)} t/s`;
}

/** A short human name for a case: model, quant, hardware and test. */
export function caseName(c: CaseResult): string {
  const model = c.model.startsWith('raw:') ? c.modelLabel : `${c.model} ${c.quant}`;
  return `${model}${c.hardware ? ` on ${c.hardware}` : ''}${c.test ? ` (${c.test})` : ''}`;
}

const SCATTER_KINDS: AccuracyKind[] = ['weights', 'decode-single', 'decode-multi', 'prefill'];

/** Builds a log-log scatter of estimate (y) against measurement (x) for the cases of one kind. */
export function scatterOf(kind: AccuracyKind, cases: readonly CaseResult[], width = 320, height = 320): ScatterChart | null {
  const pts = cases.filter((c) => typeof c.measured === 'number' && typeof c.predicted === 'number' && c.measured > 0 && c.predicted > 0);
  if (pts.length === 0) return null;
  const scale = kind === 'weights' || kind === 'kv-cache' ? 2 ** 30 : 1;
  const vals = pts.flatMap((c) => [(c.measured as number) / scale, (c.predicted as number) / scale]);
  let lo = Math.floor(Math.log10(Math.min(...vals)));
  let hi = Math.ceil(Math.log10(Math.max(...vals)));
  if (hi - lo < 1) { lo -= 1; hi += 1; }
  const m = { l: 48, r: 12, t: 12, b: 40 };
  const plot = { x0: m.l, y0: m.t, x1: width - m.r, y1: height - m.b };
  const sx = (v: number) => plot.x0 + ((Math.log10(v) - lo) / (hi - lo)) * (plot.x1 - plot.x0);
  const sy = (v: number) => plot.y1 - ((Math.log10(v) - lo) / (hi - lo)) * (plot.y1 - plot.y0);
  const ticks: ScatterChart['ticks'] = [];
  for (let e = lo; e <= hi; e++) {
    const v = 10 ** e;
    ticks.push({ value: v, label: v >= 1000 ? `${v / 1000}k` : String(v), x: round(sx(v), 2)!, y: round(sy(v), 2)! });
  }
  const line = (f: number) => `M${round(sx(10 ** lo), 2)},${round(sy(10 ** lo * f), 2)} L${round(sx(10 ** hi), 2)},${round(sy(10 ** hi * f), 2)}`;
  const tol = kind === 'weights' ? 1.03 : kind === 'prefill' ? 1.45 : 1.3;
  return {
    kind, title: KIND_LABELS[kind], unit: scale === 1 ? 'tokens/s' : 'GiB', width, height, plot, ticks,
    diagonal: line(1), band: [line(tol), line(1 / tol)],
    axis: { xTitleX: round((plot.x0 + plot.x1) / 2, 2)!, xTitleY: height - 6, yTitleX: 12, yTitleY: round((plot.y0 + plot.y1) / 2, 2)! },
    points: pts.map((c) => ({
      x: round(sx((c.measured as number) / scale), 2)!,
      y: round(sy(Math.min(Math.max((c.predicted as number) / scale, 10 ** lo), 10 ** hi)), 2)!,
      inRange: c.inRange,
      label: `${caseName(c)}: measured ${formatValue(kind, c.measured)}, estimate ${formatValue(kind, c.predicted)}`,
    })),
  };
}

/** Builds the whole report from the calibration rows, the engine and the record of the fit (test part only). */
export function buildAccuracyReport(rows: readonly MeasurementRow[], estimate: EstimateFn, fitRecord: FitRecord): AccuracyReportData {
  const report = computeAccuracy(rows, estimate, 'test');
  const heads = headline(report);
  const tableRows: ReportRow[] = report.kinds.map((k) => {
    const t = TARGETS[k.kind];
    const w = k.worst;
    return {
      kind: k.kind, label: k.label, n: k.n, medianAbsErrorPct: k.medianAbsErrorPct, p90AbsErrorPct: k.p90AbsErrorPct,
      biasPct: k.biasPct, withinRangePct: k.withinRangePct, correctPct: k.correctPct,
      target: t.correctPct !== undefined ? `≥ ${t.correctPct}% right` : `median ≤ ${t.medianAbsErrorPct}%, p90 ≤ ${t.p90AbsErrorPct}%`,
      met: meetsTarget(heads.find((h) => h.kind === k.kind)!),
      worst: w ? {
        id: w.id, url: w.url,
        text: `${caseName(w)}: measured ${formatValue(k.kind, w.measured)}, estimate ${formatValue(k.kind, w.predicted)}${w.errorPct !== null ? ` (${w.errorPct > 0 ? '+' : ''}${w.errorPct.toFixed(1)}%)` : ''}`,
      } : null,
    };
  });
  const groups: GroupRow[] = speedBreakdown(report).map((g) => ({
    group: g.group, kind: g.kind, n: g.n, medianAbsErrorPct: g.medianAbsErrorPct, p90AbsErrorPct: g.p90AbsErrorPct,
    withinRangePct: g.withinRangePct, met: g.met,
    target: `median ≤ ${g.target[0]}%, p90 ≤ ${g.target[1]}%, ≥ ${RANGE_COVERAGE_TARGET}% in range`,
  }));
  const charts = SCATTER_KINDS.map((k) => scatterOf(k, report.kinds.find((x) => x.kind === k)!.cases)).filter((c): c is ScatterChart => c !== null);
  const cases = report.kinds.map((k) => ({
    kind: k.kind, label: k.label,
    cases: k.cases.map((c) => ({
      id: c.id, model: c.model.startsWith('raw:') ? c.modelLabel : `${c.model} ${c.quant}`, hardware: c.hardware ?? '—', test: c.test ?? '—', url: c.url,
      measured: formatValue(k.kind, c.measured), estimate: formatValue(k.kind, c.predicted),
      errorPct: c.errorPct === null ? (c.correct ? 'right' : 'wrong') : `${c.errorPct > 0 ? '+' : ''}${c.errorPct.toFixed(1)}%`,
    })),
  }));
  const kinds = ['weights', 'kv-cache', 'decode', 'prefill', 'fit'];
  const cov = coverageOf(rows.filter((r) => r.split === 'test'));
  return {
    rows: tableRows, groups, groupRule: { minRows: MIN_GROUP_ROWS, rangeCoveragePct: RANGE_COVERAGE_TARGET }, charts, cases,
    counts: {
      total: rows.length, fit: rows.filter((r) => r.split === 'fit').length, test: rows.filter((r) => r.split === 'test').length,
      byKind: kinds.map((k) => ({ kind: k, fit: rows.filter((r) => r.kind === k && r.split === 'fit').length, test: rows.filter((r) => r.kind === k && r.split === 'test').length })),
    },
    coverage: { devices: cov.devices.length, apple: cov.appleDevices.length, multi: cov.multiDeviceSetups.length, architectures: cov.architectures },
    dataDates: report.dataDates, fittedOn: fitRecord, notModelled: NOT_MODELLED,
  };
}
