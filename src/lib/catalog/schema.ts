/**
 * Validation of the catalog data: unique ids, positive finite numbers, units in field names,
 * a source URL on every row, well-formed dates, dated prices. Run by schema.test.ts in `npm test`,
 * so a bad row fails the suite with every offending row named.
 *
 * `validateCatalog()` returns a list of problems (empty when the data is sound);
 * `assertCatalogValid()` throws one Error naming every offending row.
 */
import type { ApiPriceEntry, HardwareEntry, ModelEntry, QualityEntry, QuantEntry } from './types.ts';
import { models as catalogModels } from './models.ts';
import { hardware as catalogHardware } from './hardware.ts';
import { apiPrices as catalogPrices } from './prices.ts';
import { qualityLoss as catalogQuality } from './quality.ts';
import { quants as catalogQuants } from './quants.ts';

/** The tables validateCatalog checks. */
export interface CatalogTables {
  models: readonly ModelEntry[];
  hardware: readonly HardwareEntry[];
  apiPrices: readonly ApiPriceEntry[];
  qualityLoss: readonly QualityEntry[];
  /** Weight formats; checked when given. */
  quants?: readonly QuantEntry[];
}

/** One problem found in one row. */
export interface CatalogProblem {
  table: keyof CatalogTables;
  /** Row id (or a synthetic `#index` for rows without an id). */
  row: string;
  field: string;
  message: string;
}

/**
 * Numeric fields whose names carry no unit because they are pure counts or ratios.
 * Any other numeric field must end in a unit suffix (see UNIT_SUFFIX), so that
 * `memory: 24` can never slip in next to `memoryGiB: 24`.
 */
const DIMENSIONLESS_FIELDS = new Set([
  'paramsReported', 'activeParamsReported', 'layers', 'hiddenSize', 'attentionHeads', 'kvHeads',
  'headDim', 'vocabSize', 'intermediateSize', 'visionParams', 'experts', 'activeExperts',
  'expertIntermediateSize', 'sharedExperts', 'sharedIntermediateSize', 'denseLeadingLayers',
  'moeEvery', 'qLoraRank', 'kvLoraRank', 'qkNopeHeadDim', 'qkRopeHeadDim', 'vHeadDim', 'fullEvery',
  'gpuMemoryFraction', 'meanKld', 'score', 'mtpLayers', 'latentSize', 'convKernel', 'keyHeads', 'valueHeads',
  'keyHeadDim', 'valueHeadDim', 'heads', 'stateSize', 'groups', 'topK', 'kvSharedLayers', 'hiddenPerLayer', 'vocab',
]);

/** Unit suffixes accepted on numeric field names (GiB, GBs = 10^9 B/s, Tflops, W, Usd, ...). */
const UNIT_SUFFIX = /(GiB|GBs|Tflops|W|Usd|UsdPerMTok|Tokens|Bytes|BytesPerLayer|Pct)$/;

const DATE_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const ID_RE = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;

/** True when `s` is YYYY-MM-DD (or YYYY-MM when `allowMonth`) naming a real calendar date. */
export function isWellFormedDate(s: unknown, allowMonth = false): boolean {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (m[3] === undefined && !allowMonth) return false;
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (year < 1990 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Milliseconds since the epoch of a YYYY-MM-DD or YYYY-MM date (UTC midnight); NaN if malformed. */
export function dateMs(s: string): number {
  if (!isWellFormedDate(s, true)) return Number.NaN;
  const [y, m, d] = s.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

function isHttpsUrl(s: unknown): boolean {
  if (typeof s !== 'string' || !s.startsWith('https://')) return false;
  try {
    const u = new URL(s);
    return u.hostname.includes('.');
  } catch {
    return false;
  }
}

const isPositive = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isPositiveInt = (v: unknown): boolean => isPositive(v) && Number.isInteger(v);
const isNonNegativeInt = (v: unknown): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Collects problems for one row; `at` names the row. */
class RowChecker {
  readonly problems: CatalogProblem[] = [];
  table: keyof CatalogTables = 'models';
  row = '';

  add(field: string, message: string): void {
    this.problems.push({ table: this.table, row: this.row, field, message });
  }
  positive(obj: object, field: string, path = field): void {
    const v = (obj as Record<string, unknown>)[field];
    if (!isPositive(v)) this.add(path, `must be a positive finite number (got ${String(v)})`);
  }
  positiveInt(obj: object, field: string, path = field): void {
    const v = (obj as Record<string, unknown>)[field];
    if (!isPositiveInt(v)) this.add(path, `must be a positive integer (got ${String(v)})`);
  }
  url(v: unknown, path: string): void {
    if (!isHttpsUrl(v)) this.add(path, `must be an https:// URL (got ${String(v)})`);
  }
  date(v: unknown, path: string, today: number, allowMonth = false): void {
    if (!isWellFormedDate(v, allowMonth)) {
      this.add(path, `must be a date YYYY-MM-DD${allowMonth ? ' or YYYY-MM' : ''} (got ${String(v)})`);
    } else if (dateMs(v as string) > today) {
      this.add(path, `is in the future (${String(v)})`);
    }
  }
  /** Every numeric field, nested included, is finite and named with a unit or a known count. */
  numericFieldsNamed(obj: unknown, path = ''): void {
    if (obj === null || typeof obj !== 'object') return;
    const isArray = Array.isArray(obj);
    for (const [k0, v] of Object.entries(obj)) {
      const p = path ? `${path}.${k0}` : k0;
      // Array elements take the name of the array field (memoryOptionsGiB[1] is in GiB).
      const k = isArray ? (path.split('.').pop() ?? k0) : k0;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) this.add(p, 'must be finite');
        if (!DIMENSIONLESS_FIELDS.has(k) && !UNIT_SUFFIX.test(k)) {
          this.add(p, 'numeric field name must carry its unit (e.g. memoryGiB) or be a known count');
        }
      } else if (typeof v === 'object') {
        this.numericFieldsNamed(v, p);
      }
    }
  }
}

/** Weight-format ids keep llama.cpp's spelling (Q4_K_M, GPTQ-INT4), unique regardless of case. */
const QUANT_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function checkIds(c: RowChecker, rows: readonly { id: string }[], table: keyof CatalogTables, pattern: RegExp = ID_RE): void {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    c.table = table;
    c.row = typeof r.id === 'string' && r.id ? r.id : `#${i}`;
    if (typeof r.id !== 'string' || !pattern.test(r.id)) {
      c.add('id', pattern === ID_RE ? 'must be lower-case letters, digits, dots and hyphens' : 'must be letters, digits, underscores, dots and hyphens');
    }
    const key = String(r.id).toLowerCase();
    if (seen.has(key)) c.add('id', 'duplicate id');
    seen.add(key);
  });
}

function checkModel(c: RowChecker, m: ModelEntry, today: number): void {
  for (const f of ['layers', 'hiddenSize', 'attentionHeads', 'kvHeads', 'headDim', 'vocabSize', 'intermediateSize', 'maxContextTokens', 'paramsReported'] as const) {
    c.positiveInt(m, f);
  }
  if (isPositiveInt(m.attentionHeads) && isPositiveInt(m.kvHeads) && m.attentionHeads % m.kvHeads !== 0) {
    c.add('kvHeads', `attention heads (${m.attentionHeads}) must be a multiple of KV heads (${m.kvHeads})`);
  }
  if (m.visionParams !== undefined) c.positiveInt(m, 'visionParams');
  for (const f of ['id', 'name', 'family', 'vendor', 'licence', 'hfRepo', 'releasedFormat'] as const) {
    if (typeof m[f] !== 'string' || m[f].trim() === '') c.add(f, 'must be a non-empty string');
  }
  if (!/^[\w.-]+\/[\w.-]+$/.test(m.hfRepo)) c.add('hfRepo', 'must be owner/name');
  c.url(m.source, 'source');
  c.date(m.releaseDate, 'releaseDate', today, true);
  if (m.moe) {
    const e = m.moe;
    c.positiveInt(e, 'experts', 'moe.experts');
    c.positiveInt(e, 'activeExperts', 'moe.activeExperts');
    c.positiveInt(e, 'expertIntermediateSize', 'moe.expertIntermediateSize');
    if (!isNonNegativeInt(e.sharedExperts)) c.add('moe.sharedExperts', 'must be an integer >= 0');
    if (!isNonNegativeInt(e.denseLeadingLayers)) c.add('moe.denseLeadingLayers', 'must be an integer >= 0');
    if (e.sharedIntermediateSize !== undefined) c.positiveInt(e, 'sharedIntermediateSize', 'moe.sharedIntermediateSize');
    if (e.moeEvery !== undefined) c.positiveInt(e, 'moeEvery', 'moe.moeEvery');
    if (e.activeExperts > e.experts) c.add('moe.activeExperts', 'more active experts than experts');
    if (e.denseLeadingLayers >= m.layers) c.add('moe.denseLeadingLayers', 'must be fewer than the layers');
    if (!isPositive(m.activeParamsReported)) c.add('activeParamsReported', 'an MoE model needs its published active parameter count');
    else if ((m.activeParamsReported ?? 0) >= m.paramsReported) c.add('activeParamsReported', 'must be below paramsReported');
  } else if (m.activeParamsReported !== undefined) {
    c.add('activeParamsReported', 'only MoE models have active parameters');
  }
  if (m.mla) {
    const a = m.mla;
    for (const f of ['kvLoraRank', 'qkNopeHeadDim', 'qkRopeHeadDim', 'vHeadDim'] as const) c.positiveInt(a, f, `mla.${f}`);
    if (a.qLoraRank !== null && !isPositiveInt(a.qLoraRank)) c.add('mla.qLoraRank', 'must be null or a positive integer');
  }
  if (m.attentionLayout) {
    const l = m.attentionLayout;
    c.positiveInt(l, 'fullEvery', 'attentionLayout.fullEvery');
    if (l.kind === 'linear') {
      if (!m.linearAttention && !isPositive(l.linearStateBytesPerLayer)) c.add('attentionLayout.linearStateBytesPerLayer', 'linear layers need their shape (linearAttention) or their state size');
    } else {
      c.positiveInt(l, 'windowTokens', 'attentionLayout.windowTokens');
      if (l.fullEvery < 2) c.add('attentionLayout.fullEvery', 'a windowed layout needs fullEvery >= 2');
    }
  }
  if (m.blockPattern !== undefined) {
    if (m.blockPattern.length !== m.layers || !/^[FWLMADEN]+$/.test(m.blockPattern)) c.add('blockPattern', 'must give one of F W L M A D E N per layer');
    if (/[LN]/.test(m.blockPattern) || /L/.test(m.blockPattern)) {
      if (/L/.test(m.blockPattern) && !m.linearAttention) c.add('linearAttention', 'linear-attention layers need their shape');
    }
    if (/[MN]/.test(m.blockPattern) && !m.mamba) c.add('mamba', 'Mamba-2 layers need their shape');
    if (/E/.test(m.blockPattern) && !m.moe) c.add('moe', 'MoE blocks need the MoE layout');
    if (/W/.test(m.blockPattern) && !isPositiveInt(m.attentionLayout?.windowTokens)) c.add('attentionLayout.windowTokens', 'windowed layers need their window');
  }
  if (m.linearAttention) for (const f of ['convKernel', 'keyHeads', 'valueHeads', 'keyHeadDim', 'valueHeadDim'] as const) c.positiveInt(m.linearAttention, f, `linearAttention.${f}`);
  if (m.mamba) for (const f of ['heads', 'headDim', 'stateSize', 'groups', 'convKernel'] as const) c.positiveInt(m.mamba, f, `mamba.${f}`);
  if (m.indexer) for (const f of ['heads', 'headDim', 'topK'] as const) c.positiveInt(m.indexer, f, `indexer.${f}`);
  if (m.globalAttention) for (const f of ['kvHeads', 'headDim'] as const) c.positiveInt(m.globalAttention, f, `globalAttention.${f}`);
  if (m.mtpLayers !== undefined && !isNonNegativeInt(m.mtpLayers)) c.add('mtpLayers', 'must be an integer >= 0');
  if (m.kvSharedLayers !== undefined && !(isNonNegativeInt(m.kvSharedLayers) && m.kvSharedLayers < m.layers)) c.add('kvSharedLayers', 'must be an integer from 0 to layers - 1');
  if (m.perLayerEmbedding) for (const f of ['hiddenPerLayer', 'vocab'] as const) c.positiveInt(m.perLayerEmbedding, f, `perLayerEmbedding.${f}`);
  for (const [i, b] of (m.benchmarks ?? []).entries()) {
    if (typeof b.score !== 'number' || !Number.isFinite(b.score) || b.score < 0) c.add(`benchmarks[${i}].score`, 'must be a finite number >= 0');
    c.url(b.source, `benchmarks[${i}].source`);
  }
  c.numericFieldsNamed(m);
}

function checkHardware(c: RowChecker, h: HardwareEntry, today: number): void {
  for (const f of ['memoryGiB', 'bandwidthGBs', 'fp16Tflops', 'powerW'] as const) c.positive(h, f);
  if (/^\d+x/.test(h.id)) c.add('id', 'must not look like a count prefix (NxID)');
  c.url(h.source, 'source');
  c.date(h.specSeen, 'specSeen', today);
  c.date(h.releaseDate, 'releaseDate', today, true);
  if (h.memoryOptionsGiB !== undefined) {
    if (h.memoryOptionsGiB.length === 0 || !h.memoryOptionsGiB.every(isPositive)) c.add('memoryOptionsGiB', 'must be a non-empty list of positive sizes');
    else if (Math.max(...h.memoryOptionsGiB) !== h.memoryGiB) c.add('memoryGiB', 'must equal the largest of memoryOptionsGiB');
  }
  if (h.unifiedMemory) {
    const f = h.gpuMemoryFraction;
    if (typeof f !== 'number' || !(f > 0 && f <= 1)) c.add('gpuMemoryFraction', 'unified-memory rows need a share in (0, 1]');
  } else if (h.gpuMemoryFraction !== undefined) {
    c.add('gpuMemoryFraction', 'only unified-memory rows have a GPU share');
  }
  if (h.priceUsd !== undefined) {
    c.positive(h, 'priceUsd');
    c.date(h.priceSeen, 'priceSeen', today);
    c.url(h.priceSource, 'priceSource');
  } else if (h.priceSeen !== undefined || h.priceSource !== undefined) {
    c.add('priceUsd', 'a price date or source without a price');
  }
  c.numericFieldsNamed(h);
}

function checkPrice(c: RowChecker, p: ApiPriceEntry, today: number, modelIds: Set<string>): void {
  c.positive(p, 'inputUsdPerMTok');
  c.positive(p, 'outputUsdPerMTok');
  if (p.cachedInputUsdPerMTok !== undefined) {
    c.positive(p, 'cachedInputUsdPerMTok');
    if (p.cachedInputUsdPerMTok > p.inputUsdPerMTok) c.add('cachedInputUsdPerMTok', 'must not exceed the input price');
  }
  if (!p.model || !p.provider) c.add('model', 'model and provider must be named');
  if (p.kind === 'open-hosted' && p.modelId !== undefined && !modelIds.has(p.modelId)) {
    c.add('modelId', `unknown catalog model ${p.modelId}`);
  }
  c.date(p.seen, 'seen', today);
  c.url(p.source, 'source');
  c.numericFieldsNamed(p);
}

function checkQuant(c: RowChecker, q: QuantEntry): void {
  const bits = q.nominalBitsPerWeight;
  if (!(isPositive(bits) && bits <= 32)) c.add('nominalBitsPerWeight', `must be within (0, 32] (got ${String(bits)})`);
  if (typeof q.qualityRank !== 'number' || !Number.isFinite(q.qualityRank)) c.add('qualityRank', 'must be a finite number');
  if (!Array.isArray(q.engines) || q.engines.length === 0) c.add('engines', 'must name at least one engine');
  c.url(q.source, 'source');
}

function checkQuality(c: RowChecker, q: QualityEntry, quantIds: Set<string> | null): void {
  if (!q.quant || !q.model) c.add('quant', 'quant and model must be named');
  if (quantIds && q.quant && !quantIds.has(q.quant.toUpperCase())) c.add('quant', `unknown weight format ${q.quant}`);
  if (q.meanKld === undefined && q.pplDeltaPct === undefined && q.sameTopTokenPct === undefined) {
    c.add('meanKld', 'needs at least one measurement');
  }
  if (q.meanKld !== undefined && !(Number.isFinite(q.meanKld) && q.meanKld >= 0)) c.add('meanKld', 'must be finite and >= 0');
  if (q.pplDeltaPct !== undefined && !Number.isFinite(q.pplDeltaPct)) c.add('pplDeltaPct', 'must be finite');
  if (q.sameTopTokenPct !== undefined && !(q.sameTopTokenPct >= 0 && q.sameTopTokenPct <= 100)) c.add('sameTopTokenPct', 'must be within 0..100');
  c.url(q.source, 'source');
  c.numericFieldsNamed(q);
}

/**
 * Checks every catalog table and returns the problems found (empty when sound). `today`
 * (ms since the epoch, default now) rejects dates in the future. Never throws on bad rows.
 */
export function validateCatalog(
  tables: CatalogTables = { models: catalogModels, hardware: catalogHardware, apiPrices: catalogPrices, qualityLoss: catalogQuality, quants: catalogQuants },
  today: number = Date.now(),
): CatalogProblem[] {
  const c = new RowChecker();
  checkIds(c, tables.models, 'models');
  checkIds(c, tables.hardware, 'hardware');
  checkIds(c, tables.apiPrices, 'apiPrices');
  const modelIds = new Set(tables.models.map((m) => m.id));
  c.table = 'models';
  for (const m of tables.models) { c.row = m.id; checkModel(c, m, today); }
  c.table = 'hardware';
  for (const h of tables.hardware) { c.row = h.id; checkHardware(c, h, today); }
  c.table = 'apiPrices';
  for (const p of tables.apiPrices) { c.row = p.id; checkPrice(c, p, today, modelIds); }
  let quantIds: Set<string> | null = null;
  if (tables.quants) {
    checkIds(c, tables.quants, 'quants', QUANT_ID_RE);
    quantIds = new Set(tables.quants.map((q) => q.id.toUpperCase()));
    c.table = 'quants';
    for (const q of tables.quants) { c.row = q.id; checkQuant(c, q); }
  }
  c.table = 'qualityLoss';
  tables.qualityLoss.forEach((q, i) => { c.row = `${q.model}/${q.quant}#${i}`; checkQuality(c, q, quantIds); });
  return c.problems;
}

/** One line per problem: `hardware rtx-3090 bandwidthGBs: must be ...`. */
export function formatProblems(problems: readonly CatalogProblem[]): string {
  return problems.map((p) => `${p.table} ${p.row} ${p.field}: ${p.message}`).join('\n');
}

/** Throws an Error listing every problem (naming table, row and field) unless the catalog is sound. */
export function assertCatalogValid(tables?: CatalogTables, today?: number): void {
  const problems = validateCatalog(tables, today);
  if (problems.length > 0) {
    throw new Error(`catalog has ${problems.length} problem(s):\n${formatProblems(problems)}`);
  }
}


