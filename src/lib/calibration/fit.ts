/**
 * Fitting the shared calibration parameters on the FIT part of the calibration set. Fitted:
 *  - decode efficiency per backend (default) and per (backend, weight family) with >= 3 rows from
 *    two devices and two models, separately for HBM devices when the engine reads `decodeBandwidthHbm`;
 *  - a fixed decode cost per layer per backend (`decodeLayerOverheadSec`, on dense rows), an extra one
 *    per MoE layer (`decodeMoeLayerOverheadSec`, on MoE rows), both also per device generation, a
 *    fixed cost per step for the engines a Python loop drives (`decodeStepOverheadSec`), and the
 *    host's dispatch time per layer for eager engines (`decodeHostLayerSec`, Transformers);
 *  - prefill efficiency per backend, the GeForce FP16-accumulate factor, the peak exponent, the
 *    attention factor without and with flash attention (each on its own rows, by the row's
 *    `flashAttention` setting), a prefill factor per weight family with >= 5 rows, fitted
 *    jointly with the prefill efficiency (the most common family is folded into it), and the routed
 *    experts' prefill factor with its dependence on the tokens each expert gets;
 *  - the layer-split hop cost and prefill pipelining efficiency, and the all-reduce latency of each
 *    interconnect on the tensor-parallel rows;
 *  - the speed spreads (p10/p90 of measured/predicted per backend) used for ranges: in-sample
 *    here, replaced by out-of-fold ones by `fitOutOfFoldSpreads` (scripts/fit.ts runs both), at
 *    least as wide as all backends' pooled where a backend has few rows.
 * No per-model or per-row correction. The fit is a pure function: measurements and a starting
 * calibration in, a new calibration out. It works on its own copy and asks `estimateWith` for an
 * engine over that copy; the engine is a black box that reads the copy at call time, so each step
 * changes a value and re-runs the estimates. Multiplicative parameters are fitted by median-ratio
 * fixed-point steps, additive ones by a grid search on the median + p90 of |log(measured/predicted)|.
 * A parameter the engine does not read (no prediction moves when it changes) is left at its
 * default and reported. Every value starts where the starting calibration has it; one its rows no
 * longer tell (too few rows, models or devices) is cleared, not kept.
 */
import { quants } from '../catalog/quants.ts';
import type { BackendEfficiency, CalibrationValues, EraOrGenerationFactors } from '../sizing/calibration.ts';
import { LLAMA_CPP_UBATCH, prefillStepTokens } from '../sizing/kv-cache.ts';
import { prefillFamilyFactorOf, tokensPerExpert } from '../sizing/speed.ts';
import { BACKENDS, INTERCONNECTS, RUNTIME_OF, weightFamilyOf, type BackendId, type DeviceGeneration, type InterconnectId, type WeightFamily } from '../vocabulary.ts';
import { catalog } from '../catalog/index.ts';
import { fp16AccumulateDoublesRate, generationOf } from '../sizing/rig.ts';
import { computeAccuracy, scoreRow, summarise, type CaseResult, type EstimateFn } from './accuracy.ts';
import { predictionFor, requestFor } from './requests.ts';
import { median, quantile, round } from './stats.ts';
import type { MeasurementRow } from './types.ts';

/** An engine's estimate function over the given calibration. */
export type EstimateWith = (calibration: CalibrationValues) => EstimateFn;

/** One fitted parameter and the evidence behind it. */
export interface FittedParam { name: string; value: number; rows: number; medianRatioAfter: number | null }

/** What a fit did. */
export interface FitSummary { rowsUsed: number; iterations: number; params: FittedParam[]; unfitted: string[] }

const MIN_ROWS = 3;
/** Out-of-fold rows a backend needs of a kind for its speed range to stand on its own rows alone. */
const MIN_OWN_SPREAD_ROWS = 40;
/**
 * Distinct models a fixed cost (per layer, per step, per prompt) needs among its rows before it is
 * fitted: rows of one or two models are fitted equally well by an efficiency, and the fit would wander.
 */
const MIN_OVERHEAD_MODELS = 3;
/** The extra cost of a MoE layer sits on a per-layer cost known from dense rows: MoE models of two depths tell it. */
const MOE_OVERHEAD_MODELS = 2;
/**
 * A system-on-chip's own per-layer cost is told the same way, by dense models of two depths and sizes:
 * its shared-memory host runs kernels apart from any discrete card, whose cost it must not set.
 */
const SOC_OVERHEAD_MODELS = 2;
/**
 * Per-layer decode costs on the device tried, seconds: kernel launches and synchronisation (CUDA graphs
 * a few µs, iGPU drivers hundreds). At most 200 µs: rows of one or two mid-sized models cannot tell a
 * larger per-layer cost from a lower bandwidth efficiency, and 250 µs over 28 layers would hold a 3B
 * model on an 800 GB/s M1 Ultra under a quarter of its bandwidth roof, below anything measured on such
 * a machine. The Python work of an eager engine's layer is the host's (`HOST_LAYER_GRID`).
 */
const OVERHEAD_GRID = [0, 5e-6, 10e-6, 20e-6, 30e-6, 40e-6, 50e-6, 60e-6, 70e-6, 80e-6, 100e-6, 120e-6, 150e-6, 200e-6];
/** Host dispatch times per layer tried for eager engines, seconds (eager PyTorch: about a millisecond). */
const HOST_LAYER_GRID = [0, 0.2e-3, 0.4e-3, 0.5e-3, 0.6e-3, 0.7e-3, 0.8e-3, 0.85e-3, 0.9e-3, 0.95e-3, 1e-3, 1.1e-3, 1.2e-3, 1.5e-3];
/** The engines that launch each kernel from Python, with no captured graph, in decode. */
const EAGER: ReadonlySet<CalKey> = new Set<CalKey>(['transformers']);
/** Decode attention efficiencies tried (0 = not modelled; eager attention that copies the cache each step is far below 1%). */
const DECODE_ATTENTION_GRID = [0, 1, 0.5, 0.3, 0.2, 0.15, 0.1, 0.07, 0.05, 0.03, 0.02, 0.01, 0.005, 0.003, 0.002, 0.001];
/**
 * A prefill family factor moves every estimate of its family, so it needs more evidence than a
 * backend-wide value: with 4 Metal legacy-quant rows, two of them Mixtral on a December-2023 build
 * (per-expert MoE prefill, several times slower than today), a 3-row minimum fitted 0.62x into all
 * Metal Q4_0/Q8_0 prefill.
 */
const MIN_FAMILY_ROWS = 5;
/** Per-MoE-layer decode costs tried, seconds (on top of the per-layer cost every layer has). */
const MOE_OVERHEAD_GRID = [0, 10e-6, 20e-6, 30e-6, 40e-6, 50e-6, 60e-6, 80e-6, 100e-6, 150e-6, 200e-6, 300e-6];
/** The engines whose decode steps a Python loop drives. */
const PYTHON_HOSTED: ReadonlySet<CalKey> = new Set<CalKey>(['vllm', 'transformers']);
/** Fixed time per prompt before its first token tried, seconds. */
const REQUEST_OVERHEAD_GRID = [0, 2e-3, 5e-3, 10e-3, 20e-3, 50e-3, 100e-3, 150e-3, 200e-3, 300e-3];
/** Passes over all the weights per prompt tried, each at the peak bandwidth. */
const REQUEST_WEIGHT_PASSES_GRID = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10];
/** Every pair of a fixed time and passes over the weights per prompt, searched together. */
const REQUEST_PAIRS: readonly (readonly [number, number])[] = REQUEST_OVERHEAD_GRID.flatMap((f) => REQUEST_WEIGHT_PASSES_GRID.map((p) => [f, p] as const));
/**
 * Prompt length from which a decode row timed over its whole request tells the engine's prefill rate:
 * shorter prompts take a few percent of such a request (2,048 tokens generated after them).
 */
const TIMED_PROMPT_MIN_TOKENS = 14336;
/** A decode row timed over its whole request after a prompt long enough to tell the prefill rate. */
const isTimedLongPrompt = (r: MeasurementRow) => r.settings.includesPrefill === true && r.settings.depth >= TIMED_PROMPT_MIN_TOKENS;
/** Factors on a generation's attention efficiency in prefill tried on those rows. */
const GENERATION_ATTENTION_GRID = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3];
/** Prefill compute efficiencies tried on those rows. */
const TIMED_PREFILL_COMPUTE_GRID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** Fixed costs per decode step tried, seconds (sampling and dispatch: tenths of a millisecond to a few). */
const STEP_OVERHEAD_GRID = [0, 0.1e-3, 0.2e-3, 0.5e-3, 1e-3, 1.5e-3, 2e-3, 3e-3, 4e-3, 6e-3];
const clampEff = (x: number) => Math.min(1, Math.max(0.02, x));
/** Factors relative to another parameter (family factors) may exceed 1. */
const clampFactor = (x: number) => Math.min(5, Math.max(0.2, x));

interface Obs { row: MeasurementRow; measured: number; predicted: number }

function observe(rows: readonly MeasurementRow[], estimate: EstimateFn): Obs[] {
  const out: Obs[] = [];
  for (const row of rows) {
    if (typeof row.measured.value !== 'number') continue;
    try {
      const p = predictionFor(row, estimate(requestFor(row)));
      if (p && typeof p.value === 'number' && Number.isFinite(p.value) && p.value > 0) {
        out.push({ row, measured: row.measured.value, predicted: p.value });
      }
    } catch {
      // rows the engine refuses (model or hardware not in the catalog) do not inform the fit
    }
  }
  return out;
}

const ratio = (o: Obs) => o.measured / o.predicted;

/** What a row calibrates: its backend's llama.cpp efficiencies, or its engine's own (MLX, vLLM/SGLang, Transformers). */
export const CAL_KEYS = [...BACKENDS, 'mlx', 'vllm', 'transformers'] as const;
export type CalKey = (typeof CAL_KEYS)[number];
/** The keys that are an engine's own efficiencies rather than a backend's. */
type RuntimeKey = Exclude<CalKey, BackendId>;
const isBackendKey = (key: CalKey): key is BackendId => (BACKENDS as readonly string[]).includes(key);
const backendOf = (r: MeasurementRow): CalKey => {
  const runtime = RUNTIME_OF[r.settings.engine ?? 'llama.cpp'];
  return runtime === 'llama.cpp' ? ((r.settings.backend ?? 'cuda') as BackendId) : runtime;
};
/** The efficiencies a key stands for; an engine's own are created from the first row's backend when first fitted. */
function effFor(cal: CalibrationValues, key: CalKey, rows: readonly MeasurementRow[] = []): BackendEfficiency | null {
  if (isBackendKey(key)) return cal.backends[key];
  const have = cal.runtimes?.[key as RuntimeKey];
  if (have) return have;
  if (rows.length === 0) return null;
  const from = (rows[0]!.settings.backend ?? 'cuda') as BackendId;
  const fresh = structuredClone(cal.backends[from] ?? cal.backends.cuda);
  (cal.runtimes ??= {})[key as RuntimeKey] = fresh;
  return fresh;
}
const hardwareById = new Map(catalog.hardware.map((h) => [h.id, h]));
/** The catalog id of a row's (first) device, without the count of a spec such as `2xrtx-3090`. */
const deviceIdOfRow = (r: MeasurementRow) => (r.settings.hardware ?? '').split(',')[0]!.replace(/^\d+x/, '');
/** The catalog row of a row's devices (the first of a spec such as `2xrtx-3090`). */
const hardwareOfRow = (r: MeasurementRow) => hardwareById.get(deviceIdOfRow(r));
/** The generation of a row's devices. */
const generationOfRow = (r: MeasurementRow): DeviceGeneration => {
  const h = hardwareOfRow(r);
  return h ? generationOf(h) : 'other';
};
/** Rows of llama.cpp's 2024 kernels (the engine applies `kernels2024` to them). */
const is2024 = (r: MeasurementRow) => r.settings.engine === 'llama.cpp' && r.source.date < '2025';
/** Systems-on-chip that share LPDDR memory with a CPU: their backend's own efficiency should not stand for discrete cards. */
const SOC_GENERATIONS: ReadonlySet<DeviceGeneration> = new Set(['rdna3.5', 'blackwell-soc']);

/** Groups of rows, the one with the most rows first (ties broken by name). */
function mostRowsFirst<K extends string>(groups: [K, readonly MeasurementRow[]][]): [K, readonly MeasurementRow[]][] {
  return groups.sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}
/**
 * The generation a backend's own efficiency stands for: among the rows of the vendor with the most
 * rows, the discrete generation with the most rows (at least MIN_ROWS), else the generation with the
 * most rows (ties broken by name). Other generations get factors relative to it; generations without
 * rows fall back to it. The vendor comes first because under a backend that runs on several (Vulkan),
 * one vendor's cards differ from another's by more than a factor's range (other drivers, other
 * matrix extensions), so a few rows of a second vendor must not move the base every factor is
 * relative to.
 */
function mostCommonGeneration(rs: readonly MeasurementRow[]): DeviceGeneration {
  const ranked = mostRowsFirst([...rowsByGeneration(rowsOfMainVendor(rs)).entries()].filter(([g]) => g !== 'other'));
  return ranked.find(([g, gr]) => !SOC_GENERATIONS.has(g) && gr.length >= MIN_ROWS)?.[0] ?? ranked[0]?.[0] ?? 'other';
}
/**
 * The rows of the vendor with the most of them (ties broken by name): the rows a backend's own
 * efficiencies and its shared factors (weight families, experts, attention) stand for. Under a
 * backend that runs on several vendors (Vulkan), another vendor's kernels differ in all of these at
 * once (NVIDIA's cooperative-matrix-2 paths against AMD's), so its rows inform its generations' factors only.
 */
function rowsOfMainVendor(rs: readonly MeasurementRow[]): readonly MeasurementRow[] {
  return mostRowsFirst([...Map.groupBy(rs, (r) => hardwareOfRow(r)?.vendor ?? '').entries()])[0]?.[1] ?? rs;
}
/**
 * The generation a backend's own efficiency stands for in a fit that starts from earlier values: the
 * one it already stood for (rows of its own, at least MIN_ROWS, and no factor of this kind), while it
 * has them, else the most common. New rows of another generation outnumbering it would otherwise move
 * every efficiency and factor at once, a step coordinate descent cannot take.
 */
function baseGeneration(rs: readonly MeasurementRow[], table: Partial<Record<DeviceGeneration, EraOrGenerationFactors>>, kind: 'decode' | 'prefill'): DeviceGeneration {
  const common = mostCommonGeneration(rs);
  if (table[common]?.[kind] === undefined) return common;
  const standing = mostRowsFirst([...rowsByGeneration(rs).entries()]
    .filter(([g, gr]) => g !== 'other' && !SOC_GENERATIONS.has(g) && gr.length >= MIN_ROWS && table[g]?.[kind] === undefined));
  return standing[0]?.[0] ?? common;
}
/**
 * Sets a backend's prefill factor for each vendor other than the one its rows mostly ran on (see
 * `prefillVendorFactor`): the geometric mean of the prefill factors of that vendor's generations in
 * the rows, cleared where none of them has one.
 */
function setVendorPrefillFactors(e: BackendEfficiency, rs: readonly MeasurementRow[]): void {
  const first = rowsOfMainVendor(rs)[0];
  const mainVendor = first ? hardwareOfRow(first)?.vendor : undefined;
  const factors: NonNullable<BackendEfficiency['prefillVendorFactor']> = {};
  for (const [vendor, vr] of Map.groupBy(rs, (r) => hardwareOfRow(r)?.vendor)) {
    if (vendor === undefined || vendor === mainVendor) continue;
    const own = [...new Set(vr.map(generationOfRow))].map((g) => e.generation?.[g]?.prefill).filter((f): f is number => f !== undefined);
    if (own.length > 0) factors[vendor] = Math.exp(own.reduce((sum, f) => sum + Math.log(f), 0) / own.length);
  }
  if (Object.keys(factors).length > 0) e.prefillVendorFactor = factors;
  else delete e.prefillVendorFactor;
}
/** Rows grouped by the generation of their devices. */
function rowsByGeneration(rs: readonly MeasurementRow[]): Map<DeviceGeneration, MeasurementRow[]> {
  return Map.groupBy(rs, generationOfRow);
}
/** The link between a row's devices: the catalog's for its hardware (`none` for one device). */
const interconnectOfRow = (r: MeasurementRow): InterconnectId => hardwareOfRow(r)?.interconnect ?? 'none';
const isMoeRow = (r: MeasurementRow) => Boolean(catalog.models.find((m) => m.id === r.settings.model)?.moe);
/** Tokens per routed expert in one prefill micro-batch of a row (llama.cpp's 512 when the row does not say). */
const tokensPerExpertOf = (r: MeasurementRow): number => {
  const m = catalog.models.find((x) => x.id === r.settings.model)?.moe;
  if (!m) return 0;
  const step = prefillStepTokens(RUNTIME_OF[r.settings.engine ?? 'llama.cpp'], r.settings.ubatch ?? LLAMA_CPP_UBATCH, r.settings.prompt);
  const ub = Math.min(step, Math.max(1, r.settings.prompt));
  return Math.round(tokensPerExpert(ub, m.activeExperts, m.experts));
};
/** How many distinct devices (catalog rows, whatever their count per rig) some rows ran on. */
const deviceCount = (rs: readonly MeasurementRow[]) => new Set(rs.map(deviceIdOfRow)).size;
/** How many distinct models some rows ran. */
const modelCount = (rs: readonly MeasurementRow[]) => new Set(rs.map((r) => r.settings.model)).size;
const isHbm = (r: MeasurementRow) => hardwareOfRow(r)?.hbm === true;
const familyByQuant = new Map(quants.map((q) => [q.id.toLowerCase(), weightFamilyOf(q.family)]));
/** The weight family of a row's format (float for a format the catalog does not know). */
const weightFamilyOfQuant = (quantId: string): WeightFamily => familyByQuant.get(quantId.toLowerCase()) ?? 'float';
/** Rows on cards whose FP16 GEMMs can accumulate in FP16 at twice the catalog's rate (GeForce; see `accBoost`). */
const isGeForce = (r: MeasurementRow) => {
  const h = hardwareOfRow(r);
  return h !== undefined && fp16AccumulateDoublesRate(h);
};
/**
 * Backends whose GEMMs accumulate in FP16 on those cards by default: CUDA's cuBLAS and MMQ paths, and
 * Vulkan's matmul pipelines, which ggml-vulkan builds in FP16- and FP32-accumulating variants and runs
 * the first where the device has FP16 (RTX 3090 rows run its prefill above the FP32-accumulate peak).
 */
const FP16_ACC_BACKENDS: ReadonlySet<CalKey> = new Set(['cuda', 'vulkan']);

/**
 * Makes `target` equal to `source`, keeping `target`'s nested objects (the fit's closures and the
 * engine hold references to them): keys missing from `source` are deleted, objects are copied into.
 */
function assignInPlace(target: object, source: object): void {
  const t = target as Record<string, unknown>, s = source as Record<string, unknown>;
  for (const k of Object.keys(t)) if (!(k in s)) delete t[k];
  for (const [k, v] of Object.entries(s)) {
    const cur = t[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)) assignInPlace(cur, v);
    else t[k] = structuredClone(v);
  }
}

/** What `--only` can refit: one key's efficiencies, or the values shared by runs over several devices. */
export const FIT_PARTS = [...CAL_KEYS, 'multi-device'] as const;
export type FitPart = (typeof FIT_PARTS)[number];
/** The calibration values shared by every backend's runs over several devices. */
const MULTI_DEVICE_VALUES = ['layerSplitHopSec', 'tensorParallelScaling', 'tensorParallelAllReduceSec', 'layerSplitPrefillEfficiency'] as const;

/** Whether a fitted parameter's name (or an unfitted note) belongs to a part of the calibration. */
export function belongsToPart(name: string, part: FitPart): boolean {
  if (part === 'multi-device') return MULTI_DEVICE_VALUES.some((v) => name === v || name.startsWith(`${v}.`) || name.startsWith(`${v} `));
  return name.startsWith(`${part}.`) || name.startsWith(`${part} `);
}

/**
 * `target` with some parts of the calibration taken from `source` (a backend's or an engine's
 * efficiencies, or the multi-device values): a fit of the parameters a change reaches, without
 * refitting the rest. Neither argument is changed.
 */
export function withPartsOf(target: CalibrationValues, source: CalibrationValues, parts: readonly FitPart[]): CalibrationValues {
  const out = structuredClone(target);
  for (const part of parts) {
    if (part === 'multi-device') {
      const to = out as unknown as Record<string, unknown>, from = source as unknown as Record<string, unknown>;
      for (const v of MULTI_DEVICE_VALUES) {
        if (from[v] === undefined) delete to[v];
        else to[v] = structuredClone(from[v]);
      }
    } else if (isBackendKey(part)) {
      out.backends[part] = structuredClone(source.backends[part]);
    } else {
      const from = source.runtimes?.[part as RuntimeKey];
      if (from) (out.runtimes ??= {})[part as RuntimeKey] = structuredClone(from);
      else if (out.runtimes) delete out.runtimes[part as RuntimeKey];
    }
  }
  return out;
}

/** The two speeds a backend's values are fitted for. */
export const FIT_KINDS = ['decode', 'prefill'] as const;
export type FitKind = (typeof FIT_KINDS)[number];

/**
 * The speed a value of a backend's or an engine's efficiencies is for. Its own keys name it
 * (`decodeBandwidth`, `prefillCompute`); within a generation's or an era's factors, `prefill` and
 * `prefillAttention` are prefill's and the rest (`decode`, the per-layer costs) decode's.
 */
function kindOfKey(key: string): FitKind {
  return key.startsWith('prefill') ? 'prefill' : 'decode';
}

/**
 * The speed a fitted parameter or an unfitted note is for, from its name: the key after the part's
 * name (`vulkan.prefillFamilyFactor.gguf-legacy`), after a generation's or the era's
 * (`vulkan.generation.ampere.prefill`), or the word after the part's name (`sycl prefill (3 fit rows)`).
 */
export function kindOfName(name: string): FitKind {
  const [head = '', word = ''] = name.split(' ');
  const keys = head.split('.');
  const key = keys[1] === 'generation' ? keys[3] : keys[1] === 'kernels2024' ? keys[2] : keys[1];
  return kindOfKey(key ?? word);
}

/**
 * `target` with one speed's values of some backends or engines taken from `source`, the other
 * speed's kept: a fit of prefill that leaves decode where it settled, or the reverse. The
 * multi-device values are shared by both speeds and cannot be split this way. Neither argument is changed.
 */
export function withKindOf(target: CalibrationValues, source: CalibrationValues, parts: readonly FitPart[], kind: FitKind): CalibrationValues {
  if (parts.includes('multi-device')) throw new Error('the multi-device values are shared by decode and prefill');
  const out = structuredClone(target);
  const efficiencyOf = (cal: CalibrationValues, part: CalKey) =>
    (isBackendKey(part) ? cal.backends[part] : cal.runtimes?.[part as RuntimeKey]) as unknown as Record<string, unknown> | undefined;
  /** Copies the keys of `kind` from one record to another (absent in `from` => absent in `to`). */
  const copyKind = (to: Record<string, unknown>, from: Record<string, unknown>) => {
    for (const k of new Set([...Object.keys(to), ...Object.keys(from)])) {
      if (k === 'generation' || k === 'kernels2024' || kindOfKey(k) !== kind) continue;
      if (from[k] === undefined) delete to[k];
      else to[k] = structuredClone(from[k]);
    }
  };
  for (const part of parts as readonly CalKey[]) {
    const to = efficiencyOf(out, part), from = efficiencyOf(source, part);
    if (!to || !from) continue;
    copyKind(to, from);
    // Per-generation factors nest one level deeper (a generation per key); the 2024 era's do not.
    const gensTo = (to.generation ??= {}) as Record<string, Record<string, unknown>>;
    const gensFrom = (from.generation ?? {}) as Record<string, Record<string, unknown>>;
    for (const g of new Set([...Object.keys(gensTo), ...Object.keys(gensFrom)])) {
      copyKind((gensTo[g] ??= {}), gensFrom[g] ?? {});
      if (Object.keys(gensTo[g]!).length === 0) delete gensTo[g];
    }
    if (Object.keys(gensTo).length === 0) delete to.generation;
    const eraTo = (to.kernels2024 ?? {}) as Record<string, unknown>;
    copyKind(eraTo, (from.kernels2024 ?? {}) as Record<string, unknown>);
    if (Object.keys(eraTo).length > 0) to.kernels2024 = eraTo;
    else delete to.kernels2024;
  }
  return out;
}

/** Median + p90 of |log ratio| over the rows: the objective of the grid searches (lower is better). */
function loss(rows: readonly MeasurementRow[], estimate: EstimateFn): number {
  const l = observe(rows, estimate).map((o) => Math.abs(Math.log(ratio(o))));
  if (l.length === 0) return Infinity;
  return (median(l) ?? 0) + (quantile(l, 0.9) ?? 0);
}

/** Whether changing a parameter moves any prediction of the rows (the engine reads it). */
function engineReads(rows: readonly MeasurementRow[], estimate: EstimateFn, set: (v: number) => void, base: number, probe: number): boolean {
  const before = observe(rows.slice(0, 40), estimate).map((o) => o.predicted);
  set(probe);
  const after = observe(rows.slice(0, 40), estimate).map((o) => o.predicted);
  set(base);
  return before.some((b, i) => Math.abs(b - (after[i] ?? b)) > 1e-9 * Math.max(1, b));
}

/**
 * Scales a multiplicative parameter by the median measured/predicted ratio of its rows, and takes
 * the step back when no prediction moved: a parameter the engine does not read for these rows
 * (rows of a backend their devices never run) would otherwise be driven to its clamp, step after step.
 */
function scaleStep(rows: readonly MeasurementRow[], estimate: EstimateFn, get: () => number, set: (v: number) => void, clamp = clampEff): void {
  const obs = observe(rows, estimate);
  if (obs.length < MIN_ROWS) return;
  const m = median(obs.map(ratio));
  if (m === null || !Number.isFinite(m)) return;
  const before = get();
  const next = clamp(before * m);
  if (next === before) return;
  set(next);
  const sample = obs.slice(0, 20);
  const moved = observe(sample.map((o) => o.row), estimate).some((o, i) => Math.abs(o.predicted - sample[i]!.predicted) > 1e-9 * sample[i]!.predicted);
  if (!moved) set(before);
}

/**
 * Fits the shared parameters, starting from `start`, on the rows whose split is 'fit' (others are
 * ignored). Returns the new calibration and a summary; `start` is not changed. `iterations` rounds
 * of coordinate descent (default 3).
 */
export function fitCalibration(rows: readonly MeasurementRow[], start: CalibrationValues, estimateWith: EstimateWith, iterations = 3): { calibration: CalibrationValues; summary: FitSummary } {
  const cal = structuredClone(start);
  // Per-generation and 2024-kernel values start from the calibration given (a fit from scratch wanders
  // off and does worse); each is cleared where its rows no longer tell it (fitEraAndGenerations).
  const estimate = estimateWith(cal);
  const fitRows = rows.filter((r) => r.split === 'fit' && r.scored);
  const decode = fitRows.filter((r) => r.kind === 'decode');
  const decodeSingle = decode.filter((r) => r.settings.devices <= 1);
  const decodeMulti = decode.filter((r) => r.settings.devices > 1 && r.settings.splitMode !== 'tensor');
  const decodeTensor = decode.filter((r) => r.settings.devices > 1 && r.settings.splitMode === 'tensor');
  const prefill = fitRows.filter((r) => r.kind === 'prefill');
  const prefillSingle = prefill.filter((r) => r.settings.devices <= 1);
  const prefillMulti = prefill.filter((r) => r.settings.devices > 1 && r.settings.splitMode !== 'tensor');
  const unfitted: string[] = [];
  const reads = new Map<string, boolean>();
  const readsOnce = (key: string, rs: readonly MeasurementRow[], set: (v: number) => void, base: number, probe: number) => {
    if (!reads.has(key)) reads.set(key, rs.length > 0 && engineReads(rs, estimate, set, base, probe));
    return reads.get(key)!;
  };

  /** Decode efficiencies of a backend on its one-device rows, or on the dense ones among them (`denseOnly`). */
  const fitDecodeEfficiencies = (b: CalKey, denseOnly = false) => {
    const e = effFor(cal, b)!;
    const bRows = decodeSingle.filter((r) => backendOf(r) === b && !(denseOnly && isMoeRow(r)));
    const hbmRows = bRows.filter(isHbm);
    const useHbm = hbmRows.length >= MIN_ROWS && readsOnce(`${b}.hbm`, hbmRows, (v) => { e.decodeBandwidthHbm = { default: v }; }, 0.5, 0.25);
    if (!useHbm) delete e.decodeBandwidthHbm;
    const plain = useHbm ? bRows.filter((r) => !isHbm(r)) : bRows;
    const tables: [Partial<Record<WeightFamily, number>> & { default: number }, MeasurementRow[]][] = [[e.decodeBandwidth, plain]];
    if (useHbm && e.decodeBandwidthHbm) tables.push([e.decodeBandwidthHbm, hbmRows]);
    for (const [table, rs] of tables) {
      scaleStep(rs, estimate, () => table.default, (v) => {
        // the default moves the families that have no own value; re-base those that do
        const k = v / table.default;
        table.default = v;
        for (const f of Object.keys(table) as (keyof typeof table)[]) if (f !== 'default' && table[f] !== undefined) table[f] = clampEff(table[f]! * k);
      });
      const fams = new Set(rs.map((r) => weightFamilyOfQuant(r.settings.quant)));
      // A family without rows has no factor of its own, whatever an earlier fit left there.
      for (const f of Object.keys(table) as (keyof typeof table)[]) if (f !== 'default' && !fams.has(f)) delete table[f];
      for (const f of fams) {
        const fr = rs.filter((r) => weightFamilyOfQuant(r.settings.quant) === f);
        // A family seen on one device, or one model, of several cannot be told from that device or model itself.
        if (fr.length < MIN_ROWS || (deviceCount(fr) < 2 && deviceCount(rs) > 1) || (modelCount(fr) < 2 && modelCount(rs) > 1)) { delete table[f]; continue; }
        scaleStep(fr, estimate, () => table[f] ?? table.default, (v) => { table[f] = v; });
      }
    }
  };

  /** Clears some of a generation's values, and the generation once it holds none. */
  const clearGenerationValues = (table: NonNullable<BackendEfficiency['generation']>, g: DeviceGeneration, keys: readonly (keyof EraOrGenerationFactors)[]) => {
    const values = table[g];
    if (!values) return;
    for (const key of keys) delete values[key];
    if (Object.keys(values).length === 0) delete table[g];
  };
  /** Clears a generation's values of a kind (for decode its per-layer costs too). */
  const clearGeneration = (table: NonNullable<BackendEfficiency['generation']>, g: DeviceGeneration, kind: 'decode' | 'prefill') =>
    clearGenerationValues(table, g, kind === 'decode' ? ['decode', 'layerOverheadSec', 'moeLayerOverheadSec'] : ['prefill']);
  /** Clears a generation's attention factor in prefill. */
  const clearPrefillAttention = (table: NonNullable<BackendEfficiency['generation']>, g: DeviceGeneration) => clearGenerationValues(table, g, ['prefillAttention']);
  /** Clears a backend's generation and 2024-kernel values of a kind when it has too few rows of that kind to tell them. */
  const clearEraAndGenerations = (e: BackendEfficiency, kind: 'decode' | 'prefill') => {
    if (kind === 'decode') delete e.kernels2024;
    const table = e.generation ?? {};
    for (const g of Object.keys(table) as DeviceGeneration[]) clearGeneration(table, g, kind);
  };

  /**
   * The 2024-kernel factor of a backend (on its 2024 rows, when it also has current ones: the
   * efficiencies then follow the current rows) and its per-generation factors (on each generation
   * with enough rows, relative to the backend's most common generation, which keeps factor 1).
   */
  const fitEraAndGenerations = (b: CalKey, e: BackendEfficiency, rs: readonly MeasurementRow[], kind: 'decode' | 'prefill') => {
    const min = MIN_ROWS;
    const old = rs.filter(is2024);
    const cur = rs.filter((r) => !is2024(r));
    if (old.length >= min && cur.length >= min && kind === 'decode') {
      // The 2024 kernels differ from current builds mainly in their fixed cost per layer (CUDA graphs
      // and fused kernels came in 2024-25); bandwidth and compute efficiencies are shared.
      gridSearch(`${b}.kernels2024.layerOverheadSec`, old, OVERHEAD_GRID, () => e.kernels2024?.layerOverheadSec ?? e.decodeLayerOverheadSec ?? 0,
        (v) => { (e.kernels2024 ??= {}).layerOverheadSec = v; }, () => {}, { minModels: MIN_OVERHEAD_MODELS, unset: () => { delete e.kernels2024?.layerOverheadSec; } });
    } else if (kind === 'decode' && e.kernels2024) delete e.kernels2024.layerOverheadSec;
    if (e.kernels2024) { delete e.kernels2024.decode; delete e.kernels2024.prefill; if (Object.keys(e.kernels2024).length === 0) delete e.kernels2024; }
    const gens = rowsByGeneration(rs);
    const table = (e.generation ??= {});
    const base = baseGeneration(rs, table, kind);
    const fitted = [...gens.entries()].filter(([g, gr]) => g !== 'other' && (g === base || gr.length >= min)).sort((x, y) => (x[0] === base ? -1 : y[0] === base ? 1 : y[1].length - x[1].length));
    // A generation without rows of its own keeps no factor, nor per-layer cost.
    for (const g of Object.keys(table) as DeviceGeneration[]) if (!fitted.slice(1).some(([f]) => f === g)) clearGeneration(table, g, kind);
    if (fitted.length < 2) return;
    // The most common generation carries the backend's own efficiency; the others get a factor.
    for (const [g, gr] of fitted.slice(1)) {
      const genStep = () => scaleStep(gr, estimate, () => table[g]?.[kind] ?? 1, (v) => { (table[g] ??= {})[kind] = v; }, clampFactor);
      genStep();
      if (kind === 'decode') {
        // The per-layer cost of dense layers, told from the bandwidth factor by dense rows alone: MoE
        // layers have their own cost on top, and MoE rows priced without it would pull both off.
        const dense = gr.filter((r) => !isMoeRow(r));
        gridSearch(`${b}.generation.${g}.layerOverheadSec`, dense, OVERHEAD_GRID, () => table[g]?.layerOverheadSec ?? e.decodeLayerOverheadSec ?? 0,
          (v) => { (table[g] ??= {}).layerOverheadSec = v; }, genStep,
          { minModels: SOC_GENERATIONS.has(g) ? SOC_OVERHEAD_MODELS : MIN_OVERHEAD_MODELS, unset: () => { delete table[g]?.layerOverheadSec; } });
        // Rows of 2024 kernels carry the era's cost, so a generation known only from them has none of its own.
        if (gr.every(is2024)) delete table[g]?.layerOverheadSec;
        // The generation's own cost of a MoE layer, on its MoE rows of current builds.
        const moe = gr.filter((r) => isMoeRow(r) && !is2024(r));
        if (moe.length < MIN_ROWS) delete table[g]?.moeLayerOverheadSec;
        else {
          gridSearch(`${b}.generation.${g}.moeLayerOverheadSec`, moe, MOE_OVERHEAD_GRID, () => table[g]?.moeLayerOverheadSec ?? e.decodeMoeLayerOverheadSec ?? 0,
            (v) => { (table[g] ??= {}).moeLayerOverheadSec = v; }, genStep, { minModels: MOE_OVERHEAD_MODELS, unset: () => { delete table[g]?.moeLayerOverheadSec; } });
        }
      }
    }
  };

  /**
   * Grid search of one value (see below). `minModels`: the distinct models its rows need (a fixed
   * cost is told from an efficiency only by models of different sizes); `unset`: clears the value
   * when the rows cannot tell it, so that no value of an earlier fit on other rows stays behind.
   */
  const gridSearch = (key: string, rs: readonly MeasurementRow[], grid: number[], get: () => number, set: (v: number) => void, refit: () => void,
    opts: { minModels?: number; unset?: () => void } = {}) => {
    if (rs.length < MIN_ROWS) { unfitted.push(`${key} (${rs.length} fit rows)`); opts.unset?.(); return; }
    const models = new Set(rs.map((r) => r.settings.model)).size;
    if (models < (opts.minModels ?? 1)) { unfitted.push(`${key} (rows of ${models} model${models === 1 ? '' : 's'})`); opts.unset?.(); return; }
    const base = get();
    const before = structuredClone(cal);
    // Probe with a grid value that differs from the current one (else every prediction stays put).
    const probe = grid[grid.length - 1] !== base ? grid[grid.length - 1]! : grid[0]!;
    // A value the engine does not read is left as it was (absent stays absent).
    if (!readsOnce(key, rs, set, base, probe)) { unfitted.push(`${key} (the engine does not read it)`); assignInPlace(cal, before); return; }
    let bestLoss = Infinity;
    let best: CalibrationValues = structuredClone(cal);
    for (const v of grid) {
      set(v); refit();
      const l = loss(rs, estimate);
      if (l < bestLoss) { bestLoss = l; best = structuredClone(cal); }
    }
    // Back to the state the best value was scored in: refitting from the last grid value's state
    // is not the same (a factor pushed to its clamp, or a prefill rate at the compute cap, does not
    // come back in one step).
    assignInPlace(cal, best);
  };

  // Coordinate descent does not lower the error at every round: the calibration of the round with the
  // lowest error on the fit part is the one returned.
  let bestRound: { error: number; state: CalibrationValues } | null = null;
  for (let it = 0; it < iterations; it++) {
    for (const b of CAL_KEYS) {
      const e = effFor(cal, b, [...decodeSingle, ...prefillSingle].filter((r) => backendOf(r) === b));
      if (!e) continue;
      const bDecode = decodeSingle.filter((r) => backendOf(r) === b);
      if (bDecode.length < MIN_ROWS) clearEraAndGenerations(e, 'decode');
      if (bDecode.length >= MIN_ROWS) {
        fitDecodeEfficiencies(b);
        fitEraAndGenerations(b, e, bDecode, 'decode');
        // MoE layers first: with their extra cost at zero, the MoE rows would pull the per-layer cost
        // of every layer up to cover it, and the descent would stay there.
        const moeDecode = bDecode.filter((r) => isMoeRow(r) && !is2024(r));
        if (moeDecode.length < MIN_ROWS) delete e.decodeMoeLayerOverheadSec;
        else {
          gridSearch(`${b}.decodeMoeLayerOverheadSec`, moeDecode, MOE_OVERHEAD_GRID,
            () => e.decodeMoeLayerOverheadSec ?? 0, (v) => { if (v > 0) e.decodeMoeLayerOverheadSec = v; else delete e.decodeMoeLayerOverheadSec; }, () => fitDecodeEfficiencies(b),
            { minModels: MOE_OVERHEAD_MODELS });
        }
        // The backend's own per-layer cost applies to the generations without one of their own; it is
        // fitted on dense rows (MoE layers add their own cost on top).
        const ownOverhead = (r: MeasurementRow) => e.generation?.[generationOfRow(r)]?.layerOverheadSec === undefined;
        const dense = bDecode.filter((r) => ownOverhead(r) && !isMoeRow(r));
        const current = dense.filter((r) => !is2024(r));
        gridSearch(`${b}.decodeLayerOverheadSec`, current.length >= MIN_ROWS ? current : dense, OVERHEAD_GRID,
          () => e.decodeLayerOverheadSec ?? 0, (v) => { e.decodeLayerOverheadSec = v; }, () => fitDecodeEfficiencies(b, true), {
            minModels: MIN_OVERHEAD_MODELS,
            unset: () => {
              // Not told by the rows: the median of the generations' own costs, else none.
              const own = Object.values(e.generation ?? {}).map((g) => g.layerOverheadSec).filter((v): v is number => v !== undefined);
              const typical = median(own);
              if (typical !== null) e.decodeLayerOverheadSec = typical;
              else delete e.decodeLayerOverheadSec;
            },
          });
        // A fixed cost per step for the engines a Python loop drives (llama.cpp's C++ loop costs far less
        // than its per-layer kernels), told from the per-layer cost by models of different depths.
        const stepRows = PYTHON_HOSTED.has(b) ? bDecode.filter((r) => !isMoeRow(r)) : [];
        if (stepRows.length === 0) delete e.decodeStepOverheadSec;
        else gridSearch(`${b}.decodeStepOverheadSec`, stepRows, STEP_OVERHEAD_GRID,
          () => e.decodeStepOverheadSec ?? 0, (v) => { if (v > 0) e.decodeStepOverheadSec = v; else delete e.decodeStepOverheadSec; }, () => fitDecodeEfficiencies(b, true),
          { minModels: MIN_OVERHEAD_MODELS });
        // The host's dispatch time per layer, for engines whose Python launches every kernel: told from
        // the device's costs by small models, whose steps take as long as the host's loop.
        if (!EAGER.has(b)) delete e.decodeHostLayerSec;
        else gridSearch(`${b}.decodeHostLayerSec`, bDecode, HOST_LAYER_GRID,
          () => e.decodeHostLayerSec ?? 0, (v) => { if (v > 0) e.decodeHostLayerSec = v; else delete e.decodeHostLayerSec; }, () => fitDecodeEfficiencies(b),
          { minModels: MIN_OVERHEAD_MODELS });
        // Attention over a deep cache in decode, when enough rows attend 2,048 tokens or more on average
        // (0 = not modelled: only the KV read grows with depth).
        const deep = bDecode.filter((r) => r.settings.depth + r.settings.output / 2 >= 2048);
        if (deep.length < MIN_ROWS) delete e.decodeAttentionFactor;
        else {
          gridSearch(`${b}.decodeAttentionFactor`, bDecode, DECODE_ATTENTION_GRID,
            () => e.decodeAttentionFactor ?? 0, (v) => { if (v > 0) e.decodeAttentionFactor = v; else delete e.decodeAttentionFactor; }, () => fitDecodeEfficiencies(b));
        }
      }
      const bPre = prefillSingle.filter((r) => backendOf(r) === b);
      if (bPre.length < MIN_ROWS) { clearEraAndGenerations(e, 'prefill'); delete e.prefillVendorFactor; }
      // An engine with no prefill rows of its own but decode rows timed over whole requests after long
      // prompts: their prefill takes a share of the time that sets its compute and attention efficiency.
      const timed = bPre.length < MIN_ROWS ? bDecode.filter(isTimedLongPrompt) : [];
      if (timed.length >= MIN_ROWS) {
        // How efficiency falls with peak is told only by devices of several peaks (as for prefill rows).
        if (deviceCount(timed) < 4) delete e.prefillPeakExponent;
        gridSearch(`${b}.prefillCompute`, timed, TIMED_PREFILL_COMPUTE_GRID, () => e.prefillCompute, (v) => { e.prefillCompute = v; }, () => fitDecodeEfficiencies(b));
        gridSearch(`${b}.prefillAttentionFactorFa`, timed.filter((r) => r.settings.flashAttention === true), [4, 3, 2.5, 2, 1.6, 1.3, 1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2],
          () => e.prefillAttentionFactorFa ?? e.prefillAttentionFactor ?? 1, (v) => { e.prefillAttentionFactorFa = v; }, () => fitDecodeEfficiencies(b));
        // A generation whose attention kernels are its own (FlashAttention 3 on Hopper) gets a factor on
        // attention, told from the weights' GEMMs by the time that grows with the square of the prompt.
        const table = (e.generation ??= {});
        const base = baseGeneration(timed, table, 'decode');
        const byGen = rowsByGeneration(timed);
        for (const g of Object.keys(table) as DeviceGeneration[]) {
          if (g === base || (byGen.get(g)?.length ?? 0) < MIN_ROWS) clearPrefillAttention(table, g);
        }
        for (const [g, gr] of byGen) {
          if (g === base || g === 'other' || gr.length < MIN_ROWS) continue;
          gridSearch(`${b}.generation.${g}.prefillAttention`, gr, GENERATION_ATTENTION_GRID, () => table[g]?.prefillAttention ?? 1,
            (v) => { if (v !== 1) (table[g] ??= {}).prefillAttention = v; else clearPrefillAttention(table, g); }, () => fitDecodeEfficiencies(b),
            { minModels: 2, unset: () => clearPrefillAttention(table, g) });
        }
      } else {
        for (const g of Object.keys(e.generation ?? {}) as DeviceGeneration[]) clearPrefillAttention(e.generation!, g);
      }
      // GeForce rows inform prefillCompute only when the engine applies the FP16-accumulate boost.
      const boostRead = FP16_ACC_BACKENDS.has(b) && bPre.some(isGeForce) &&
        readsOnce(`${b}.prefillFp16AccBoost`, bPre.filter(isGeForce), (v) => { e.prefillFp16AccBoost = v; }, e.prefillFp16AccBoost ?? 1, 2);
      // Weight-family factors, fitted jointly with prefillCompute: each family with enough rows is
      // scaled to its rows' median ratio, then the most common family's factor is folded into
      // prefillCompute (predictions unchanged) so the two are identifiable.
      const bPreMain = rowsOfMainVendor(bPre);
      const famRows = Map.groupBy(bPreMain, (r) => weightFamilyOfQuant(r.settings.quant));
      const fams = [...famRows.entries()].filter(([, rs]) => rs.length >= MIN_FAMILY_ROWS).sort((x, y) => y[1].length - x[1].length);
      const table = (e.prefillFamilyFactor ??= {});
      // A family without enough rows has no factor (1), whatever an earlier fit left there.
      const fitted = fams.length > 1 ? new Set(fams.map(([f]) => f)) : new Set<WeightFamily>();
      for (const f of Object.keys(table) as WeightFamily[]) if (!fitted.has(f)) delete table[f];
      const famRead = fams.length > 1 && readsOnce(`${b}.prefillFamilyFactor`, fams[0]![1], (v) => { table[fams[0]![0]] = v; }, prefillFamilyFactorOf(e, fams[0]![0]), 2);
      const fitPrefill = () => {
        scaleStep(boostRead ? bPre.filter((r) => !isGeForce(r)) : bPre, estimate, () => e.prefillCompute, (v) => { e.prefillCompute = v; });
        if (!famRead) return;
        for (const [f, rs] of fams) scaleStep(rs, estimate, () => prefillFamilyFactorOf(e, f), (v) => { table[f] = v; }, clampFactor);
        const k = table[fams[0]![0]] ?? 1;
        e.prefillCompute = clampEff(e.prefillCompute * k);
        for (const [f] of fams) table[f] = (table[f] ?? 1) / k;
        delete table[fams[0]![0]];
      };
      if (bPre.length >= MIN_ROWS) {
        fitPrefill();
        fitEraAndGenerations(b, e, bPre, 'prefill');
        setVendorPrefillFactors(e, bPre);
        if (FP16_ACC_BACKENDS.has(b) && bPre.some(isGeForce)) {
          gridSearch(`${b}.prefillFp16AccBoost`, bPre.filter(isGeForce), [1, 1.25, 1.5, 1.75, 2],
            () => e.prefillFp16AccBoost ?? 1, (v) => { e.prefillFp16AccBoost = v; }, fitPrefill);
        }
        // How efficiency falls with peak is only identifiable across devices of different peaks: with
        // one device class dominating (an iGPU), the exponent would bend every other device's estimate.
        const peaks = new Set(bPre.map(deviceIdOfRow));
        if (peaks.size >= 4) {
          gridSearch(`${b}.prefillPeakExponent`, bPre, [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3],
            () => e.prefillPeakExponent ?? 1, (v) => { e.prefillPeakExponent = v; }, fitPrefill);
        } else {
          delete e.prefillPeakExponent;
          unfitted.push(`${b}.prefillPeakExponent (${peaks.size} devices in its prefill rows)`);
        }
        // Attention efficiency without and with flash attention, each on its own rows.
        const fa = bPreMain.filter((r) => r.settings.flashAttention === true);
        gridSearch(`${b}.prefillAttentionFactor`, bPreMain.filter((r) => r.settings.flashAttention !== true), [1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1],
          () => e.prefillAttentionFactor ?? 1, (v) => { e.prefillAttentionFactor = v; }, fitPrefill);
        if (fa.length < MIN_ROWS) delete e.prefillAttentionFactorFa;
        else {
          gridSearch(`${b}.prefillAttentionFactorFa`, fa, [4, 3, 2.5, 2, 1.6, 1.3, 1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2],
            () => e.prefillAttentionFactorFa ?? e.prefillAttentionFactor ?? 1, (v) => { e.prefillAttentionFactorFa = v; }, fitPrefill);
        }
        // The time per prompt, fixed and in passes over the weights: told from the compute efficiency by
        // rows of several prompt lengths, and from each other by models of different sizes. Searched
        // as pairs: either alone can stand in for the other, and one at a time settles on a poor mix.
        // llama-bench times the forward passes alone, so llama.cpp's rows hold none.
        const prompts = new Set(bPre.map((r) => r.settings.prompt));
        if (prompts.size < 2 || isBackendKey(b)) { delete e.prefillRequestOverheadSec; delete e.prefillRequestWeightPasses; }
        else {
          const setRequest = ([fixedSec, passes]: readonly [number, number]) => {
            if (fixedSec > 0) e.prefillRequestOverheadSec = fixedSec; else delete e.prefillRequestOverheadSec;
            if (passes > 0) e.prefillRequestWeightPasses = passes; else delete e.prefillRequestWeightPasses;
          };
          const currentPair = () => REQUEST_PAIRS.findIndex(([f, p]) => f === (e.prefillRequestOverheadSec ?? 0) && p === (e.prefillRequestWeightPasses ?? 0));
          gridSearch(`${b}.prefillRequestOverheadSec+prefillRequestWeightPasses`, bPre, REQUEST_PAIRS.map((_, i) => i),
            () => currentPair(), (i) => setRequest(REQUEST_PAIRS[i] ?? [0, 0]), fitPrefill,
            { minModels: MIN_OVERHEAD_MODELS, unset: () => setRequest([0, 0]) });
        }
        // Routed experts' GEMMs in prefill, on the MoE rows.
        const moe = bPreMain.filter(isMoeRow);
        if (moe.length < MIN_FAMILY_ROWS) delete e.prefillMoeFactor;
        else {
          gridSearch(`${b}.prefillMoeFactor`, moe, [1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.07, 0.05],
            () => e.prefillMoeFactor ?? 1, (v) => { e.prefillMoeFactor = v; }, fitPrefill);
          // How the experts' efficiency falls with fewer tokens per expert: only told apart from the
          // factor by rows whose tokens per expert differ (micro-batch, experts and top-k).
          const perExpert = new Set(moe.map((r) => tokensPerExpertOf(r)));
          if (perExpert.size < 2) delete e.prefillMoeBatchTokens;
          else {
            gridSearch(`${b}.prefillMoeBatchTokens`, moe, [0, 8, 16, 32, 64, 128, 256],
              () => e.prefillMoeBatchTokens ?? 0, (v) => { if (v > 0) e.prefillMoeBatchTokens = v; else delete e.prefillMoeBatchTokens; }, fitPrefill);
          }
        }
      }
    }
    // The all-reduce latency of each interconnect, on the tensor-parallel rows that run over it.
    for (const link of INTERCONNECTS) {
      const rs = decodeTensor.filter((r) => interconnectOfRow(r) === link);
      if (rs.length === 0) continue;
      gridSearch(`tensorParallelAllReduceSec.${link}`, rs, [0, 5e-6, 10e-6, 15e-6, 20e-6, 25e-6, 30e-6, 40e-6, 50e-6, 60e-6, 80e-6],
        () => cal.tensorParallelAllReduceSec?.[link] ?? 0, (v) => { (cal.tensorParallelAllReduceSec ??= {})[link] = v; }, () => {});
    }
    gridSearch('layerSplitHopSec', decodeMulti, [0, 50e-6, 100e-6, 200e-6, 300e-6, 400e-6, 600e-6, 800e-6, 1e-3],
      () => cal.layerSplitHopSec, (v) => { cal.layerSplitHopSec = v; }, () => {});
    gridSearch('layerSplitPrefillEfficiency', prefillMulti, [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0],
      () => cal.layerSplitPrefillEfficiency ?? 1, (v) => { cal.layerSplitPrefillEfficiency = v; }, () => {});
    const error = fitPartError(rows, estimate);
    if (!bestRound || error < bestRound.error) bestRound = { error, state: structuredClone(cal) };
  }
  if (bestRound) assignInPlace(cal, bestRound.state);

  // Spreads and the summary, on the final values.
  const params: FittedParam[] = [];
  const push = (name: string, value: number, obs: Obs[]) =>
    params.push({ name, value: round(value, 6)!, rows: obs.length, medianRatioAfter: round(median(obs.map(ratio)), 4) });
  for (const b of CAL_KEYS) {
    const e = effFor(cal, b);
    if (!e) continue;
    const dec = observe(decode.filter((r) => backendOf(r) === b), estimate);
    const pre = observe(prefill.filter((r) => backendOf(r) === b), estimate);
    if (dec.length >= 5) {
      const lo = quantile(dec.map(ratio), 0.1), hi = quantile(dec.map(ratio), 0.9);
      if (lo !== null && hi !== null) e.decodeSpread = [round(lo, 3)!, round(hi, 3)!];
      const single = dec.filter((o) => o.row.settings.devices <= 1);
      const plain = e.decodeBandwidthHbm ? single.filter((o) => !isHbm(o.row)) : single;
      push(`${b}.decodeBandwidth.default`, e.decodeBandwidth.default, plain);
      for (const [f, v] of Object.entries(e.decodeBandwidth)) {
        if (f !== 'default' && v !== undefined) push(`${b}.decodeBandwidth.${f}`, v, plain.filter((o) => weightFamilyOfQuant(o.row.settings.quant) === f));
      }
      if (e.decodeBandwidthHbm) {
        const hb = single.filter((o) => isHbm(o.row));
        for (const [f, v] of Object.entries(e.decodeBandwidthHbm)) {
          if (v !== undefined) push(`${b}.decodeBandwidthHbm.${f}`, v, f === 'default' ? hb : hb.filter((o) => weightFamilyOfQuant(o.row.settings.quant) === f));
        }
      }
      if (e.decodeLayerOverheadSec !== undefined) push(`${b}.decodeLayerOverheadSec`, e.decodeLayerOverheadSec, single);
    } else unfitted.push(`${b} decode (${dec.length} fit rows)`);
    if (pre.length >= 5) {
      const lo = quantile(pre.map(ratio), 0.1), hi = quantile(pre.map(ratio), 0.9);
      if (lo !== null && hi !== null) e.prefillSpread = [round(lo, 3)!, round(hi, 3)!];
      push(`${b}.prefillCompute`, e.prefillCompute, pre.filter((o) => o.row.settings.devices <= 1));
      if (e.prefillFp16AccBoost !== undefined) push(`${b}.prefillFp16AccBoost`, e.prefillFp16AccBoost, pre.filter((o) => isGeForce(o.row) && o.row.settings.devices <= 1));
      if (e.prefillAttentionFactor !== undefined) push(`${b}.prefillAttentionFactor`, e.prefillAttentionFactor, pre.filter((o) => o.row.settings.devices <= 1));
      if (e.prefillPeakExponent !== undefined) push(`${b}.prefillPeakExponent`, e.prefillPeakExponent, pre.filter((o) => o.row.settings.devices <= 1));
      if (e.prefillRequestOverheadSec !== undefined) push(`${b}.prefillRequestOverheadSec`, e.prefillRequestOverheadSec, pre);
      if (e.prefillRequestWeightPasses !== undefined) push(`${b}.prefillRequestWeightPasses`, e.prefillRequestWeightPasses, pre);
      if (e.prefillAttentionFactorFa !== undefined) push(`${b}.prefillAttentionFactorFa`, e.prefillAttentionFactorFa, pre.filter((o) => o.row.settings.devices <= 1 && o.row.settings.flashAttention === true));
      for (const [f, v] of Object.entries(e.prefillFamilyFactor ?? {})) {
        if (v !== undefined) push(`${b}.prefillFamilyFactor.${f}`, v, pre.filter((o) => o.row.settings.devices <= 1 && weightFamilyOfQuant(o.row.settings.quant) === f));
      }
      for (const [v, f] of Object.entries(e.prefillVendorFactor ?? {})) {
        if (f !== undefined) push(`${b}.prefillVendorFactor.${v} (geometric mean of the vendor's generations)`, f, pre.filter((o) => o.row.settings.devices <= 1 && hardwareOfRow(o.row)?.vendor === v));
      }
    } else {
      unfitted.push(`${b} prefill (${pre.length} fit rows)`);
      const timed = decode.filter((r) => backendOf(r) === b && r.settings.devices <= 1 && isTimedLongPrompt(r));
      if (timed.length >= MIN_ROWS) {
        const obs = observe(timed, estimate);
        push(`${b}.prefillCompute (from requests timed with their prompts)`, e.prefillCompute, obs);
        if (e.prefillAttentionFactorFa !== undefined) push(`${b}.prefillAttentionFactorFa (from requests timed with their prompts)`, e.prefillAttentionFactorFa, obs);
        for (const [g, v] of Object.entries(e.generation ?? {})) {
          if (v.prefillAttention !== undefined) push(`${b}.generation.${g}.prefillAttention (from requests timed with their prompts)`, v.prefillAttention, obs.filter((o) => generationOfRow(o.row) === g));
        }
      }
    }
  }
  push('layerSplitHopSec', cal.layerSplitHopSec, observe(decodeMulti, estimate));
  for (const [link, v] of Object.entries(cal.tensorParallelAllReduceSec ?? {})) {
    if (v !== undefined) push(`tensorParallelAllReduceSec.${link}`, v, observe(decodeTensor.filter((r) => interconnectOfRow(r) === link), estimate));
  }
  if (cal.layerSplitPrefillEfficiency !== undefined) push('layerSplitPrefillEfficiency', cal.layerSplitPrefillEfficiency, observe(prefillMulti, estimate));
  unfitted.push('tensorParallelScaling (a prior: the all-reduce latency below carries what the tensor-parallel rows show)');
  return { calibration: cal, summary: { rowsUsed: fitRows.length, iterations, params, unfitted: [...new Set(unfitted)] } };
}

/** The text of fitted.json for the given values (what scripts/fit.ts writes). */
export function fittedJson(cal: CalibrationValues): string {
  // Five significant digits: the fit's spread is several percent, so further digits say nothing,
  // and every one of them ships in each calculator page's JavaScript.
  return JSON.stringify(cal, (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(5)) : value), 2) + '\n';
}

/** The speed kinds of the accuracy report, as the fit's error sums them. */
const SPEED_KINDS = ['decode-single', 'decode-multi', 'prefill'] as const;

/**
 * The error the fit lowers: median plus 90th percentile of the absolute % error of decode on one
 * device, decode on several and prefill, over the scored rows of the fit part.
 */
export function fitPartError(rows: readonly MeasurementRow[], estimate: EstimateFn): number {
  return computeAccuracy(rows.filter((r) => r.kind === 'decode' || r.kind === 'prefill'), estimate, 'fit').kinds
    .filter((k) => (SPEED_KINDS as readonly string[]).includes(k.kind))
    .reduce((sum, k) => sum + (k.medianAbsErrorPct ?? 0) + (k.p90AbsErrorPct ?? 0), 0);
}

/** Fold (0..folds-1) of a group key: FNV-1a, so the folds are fixed and need no randomness. */
function foldOf(group: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) { h ^= group.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h % folds;
}

/**
 * Visits each fold of the fit part's scored decode and prefill rows with an estimate from a fit that
 * did not see them: the runs (groups) are dealt into `folds` folds, and each fold's rows are held out
 * of a fit from `start` (`iterations` rounds). `start` itself was fitted on every fit row, so the values
 * it starts from have seen the held-out rows; the fit's moves from there have not.
 */
function forEachFold(rows: readonly MeasurementRow[], start: CalibrationValues, estimateWith: EstimateWith, folds: number, iterations: number,
  visit: (held: readonly MeasurementRow[], estimate: EstimateFn) => void): void {
  const fitRows = rows.filter((r) => r.split === 'fit' && r.scored && (r.kind === 'decode' || r.kind === 'prefill'));
  for (let k = 0; k < folds; k++) {
    const held = fitRows.filter((r) => foldOf(r.group, folds) === k);
    if (held.length === 0) continue;
    const heldIds = new Set(held.map((r) => r.id));
    const { calibration: foldCal } = fitCalibration(rows.map((r) => (heldIds.has(r.id) ? { ...r, split: 'test' as const } : r)), start, estimateWith, iterations);
    visit(held, estimateWith(foldCal));
  }
}

/** Median and 90th percentile of |estimate - measurement| / measurement, percent, of a kind of row. */
export interface OutOfFoldError { kind: (typeof SPEED_KINDS)[number]; rows: number; medianAbsErrorPct: number; p90AbsErrorPct: number }

/**
 * How well the fit predicts runs it did not see: the fit part's rows scored as the accuracy report
 * scores them, each by a fit without its run, by kind, and the sum of medians and 90th percentiles
 * (the measure `fitPartError` gives in-sample). A change to the fit that removes freedom raises the
 * in-sample error whether or not it generalises better; this measure tells the two apart.
 */
export function outOfFoldError(rows: readonly MeasurementRow[], start: CalibrationValues, estimateWith: EstimateWith, folds = 5, iterations = 4): { kinds: OutOfFoldError[]; total: number } {
  const scored: CaseResult[] = [];
  forEachFold(rows, start, estimateWith, folds, iterations, (held, estimate) => {
    for (const row of held) {
      const c = scoreRow(row, estimate);
      if ('measured' in c) scored.push(c);
    }
  });
  const cases = Map.groupBy(scored, (c) => c.kind);
  const kinds: OutOfFoldError[] = [];
  for (const kind of SPEED_KINDS) {
    const k = summarise(kind, cases.get(kind) ?? [], []);
    if (k.medianAbsErrorPct !== null && k.p90AbsErrorPct !== null) kinds.push({ kind, rows: k.n, medianAbsErrorPct: k.medianAbsErrorPct, p90AbsErrorPct: k.p90AbsErrorPct });
  }
  return { kinds, total: round(kinds.reduce((sum, k) => sum + k.medianAbsErrorPct + k.p90AbsErrorPct, 0), 2)! };
}

/** Out-of-fold spreads of one backend and kind, with the rows they came from. */
export interface SpreadFit { backend: CalKey; kind: FitKind; devices: 'single' | 'multi'; spread: [number, number]; rows: number }

/**
 * Honest speed ranges: sets each backend's `decodeSpread` / `prefillSpread` to the 10th and 90th
 * percentile of measured/predicted over OUT-OF-FOLD predictions of the fit part. The fit part's
 * runs (groups) are dealt into `folds` folds; for each fold the parameters are re-fitted on the
 * other folds and the fold's rows predicted, so every residual is one the fit did not see, as a
 * test row's is (in-sample residuals are narrower and cover only ~67-75% of test rows). Returns
 * `start` with those spreads, and the spreads; `start` is not changed. Backends with fewer than 5
 * out-of-fold rows keep their spreads. A backend with fewer than MIN_OWN_SPREAD_ROWS rows of a kind
 * gets at least the spread of all backends' rows of that kind pooled: the 10th and 90th percentiles
 * of a few dozen ratios, mostly from one or two hosts, understate how far a new device can fall.
 */
export function fitOutOfFoldSpreads(rows: readonly MeasurementRow[], start: CalibrationValues, estimateWith: EstimateWith, folds = 5, iterations = 2): { calibration: CalibrationValues; spreads: SpreadFit[] } {
  const observed: Obs[] = [];
  forEachFold(rows, start, estimateWith, folds, iterations, (held, estimate) => { observed.push(...observe(held, estimate)); });
  const ratios = new Map([...Map.groupBy(observed, (o) => `${backendOf(o.row)}|${o.row.kind}|${o.row.settings.devices > 1 ? 'multi' : 'single'}`)]
    .map(([key, os]) => [key, os.map(ratio)] as const));
  const cal = structuredClone(start);
  const out: SpreadFit[] = [];
  const pooled = (kind: string, devices: string): [number, number] | null => {
    const all = [...ratios.entries()].filter(([k]) => k.endsWith(`|${kind}|${devices}`)).flatMap(([, v]) => v);
    const lo = quantile(all, 0.1), hi = quantile(all, 0.9);
    return all.length >= MIN_OWN_SPREAD_ROWS && lo !== null && hi !== null ? [lo, hi] : null;
  };
  for (const b of CAL_KEYS) {
    const e = effFor(cal, b);
    if (!e) continue;
    for (const kind of ['decode', 'prefill'] as const) {
      const single = ratios.get(`${b}|${kind}|single`) ?? [];
      const multi = ratios.get(`${b}|${kind}|multi`) ?? [];
      // One-device spreads from one-device rows (all rows when too few); several-device spreads apart.
      for (const [devices, rs] of [['single', single.length >= 5 ? single : [...single, ...multi]], ['multi', multi]] as const) {
        if (rs.length < 5) continue;
        let lo = quantile(rs, 0.1), hi = quantile(rs, 0.9);
        if (lo === null || hi === null) continue;
        const pool = rs.length < MIN_OWN_SPREAD_ROWS ? pooled(kind, devices) : null;
        if (pool) { lo = Math.min(lo, pool[0]); hi = Math.max(hi, pool[1]); }
        const spread: [number, number] = [round(lo, 3)!, round(hi, 3)!];
        if (devices === 'single') { if (kind === 'decode') e.decodeSpread = spread; else e.prefillSpread = spread; }
        else if (kind === 'decode') e.decodeSpreadMulti = spread; else e.prefillSpreadMulti = spread;
        out.push({ backend: b, kind, devices, spread, rows: rs.length });
      }
    }
  }
  return { calibration: cal, spreads: out };
}
