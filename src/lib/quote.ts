/**
 * One number from an estimate, formatted for prose: what `<Estimate ... show="weights" />` renders
 * at build time, so a guide can never contradict the engine. The component only renders the string.
 */
import type { EstimateResult } from './sizing/types.ts';
import type { EstimateRequest } from './request.ts';
import { engine as fullEngine } from './estimate.ts';
import type { Engine } from './sizing/full-engine.ts';
import { suggestIds } from './suggest.ts';
import { formatBytes, formatCount, formatInt, formatSeconds, formatSpeedRange, formatTokensPerSec, formatUsd, MISSING } from './format/index.ts';
import type { MemoryUnit } from './format/index.ts';

/** What a quote can show. */
export const QUOTE_FIELDS = [
  'weights', 'kvCache', 'kvPerToken', 'overhead', 'total', 'decode', 'decodeRange', 'prefill', 'ttft',
  'maxContext', 'verdict', 'bestQuant', 'headroom', 'offloadedLayers', 'aggregate',
  'localUsdPerMTok', 'apiUsdPerMTok', 'breakEvenTokensPerDay', 'price',
] as const;
export type QuoteField = (typeof QUOTE_FIELDS)[number];

/**
 * Assumptions of the cost quotes when the props do not give them: hardware written off over 3 years,
 * generating 25% of the time (the Local or API? calculator's defaults), electricity at $0.17/kWh
 * (US residential average, EIA, April 2024: 16.88 cents), API bills 75% input tokens (the engine's
 * localVsApi default: agents read more than they write).
 */
export const QUOTE_COST_DEFAULTS = { lifetimeYears: 3, utilisation: 0.25, electricityUsdPerKWh: 0.17, inputShare: 0.75 } as const;

/** Props of `<Estimate />`: an estimate request plus what to show, in which memory unit, and cost assumptions. */
export interface QuoteProps extends EstimateRequest {
  show: QuoteField;
  /** GB = 10^9 bytes (default), GiB = 2^30 bytes. */
  unit?: MemoryUnit;
  /** Cost quotes: years the hardware is written off over (default 3). */
  lifetimeYears?: number;
  /** Cost quotes: share of the time the rig generates, 0..1 (default 0.25). */
  utilisation?: number;
  /** Cost quotes: electricity price, USD per kWh (default 0.17). */
  electricityUsdPerKWh?: number;
  /** Cost quotes: hardware price in USD instead of the catalog's (needed when the catalog has none). */
  hardwarePriceUsd?: number;
  /** Cost quotes: power while generating in watts instead of the catalog's. */
  powerW?: number;
  /** apiUsdPerMTok / breakEvenTokensPerDay: the API price row id (catalog apiPrices). */
  api?: string;
  /** API quotes: share of input tokens in the bill, 0..1 (default 0.75; 0 = the output price). */
  inputShare?: number;
}

/** What `quote` needs from an engine (the full-catalog one by default; tests pass one over fixtures). */
export type QuoteEngine = Pick<Engine, 'estimate' | 'rigSummary' | 'localVsApi'>;

const NEEDS_HARDWARE: ReadonlySet<QuoteField> = new Set([
  'decode', 'decodeRange', 'prefill', 'ttft', 'maxContext', 'verdict', 'bestQuant', 'headroom', 'offloadedLayers', 'aggregate',
  'localUsdPerMTok', 'breakEvenTokensPerDay', 'price',
]);
/** Props that are not part of the estimate request. */
const QUOTE_ONLY = ['show', 'unit', 'lifetimeYears', 'utilisation', 'electricityUsdPerKWh', 'hardwarePriceUsd', 'powerW', 'api', 'inputShare'] as const;

/**
 * The formatted value of `show` in an estimate result: sizes in GB or GiB ("42.5 GB"), speeds in
 * tok/s ("15 tok/s", "12–19 tok/s"), time to first token in s or ms, contexts as integers
 * ("25,088"), verdicts in words. Speeds of a run that does not fit render as "does not fit".
 */
export function quoteValue(r: EstimateResult, show: QuoteField, unit: MemoryUnit = 'GB'): string {
  const m = r.memory;
  switch (show) {
    case 'weights': return formatBytes(m.weightsBytes, unit);
    case 'kvCache': return formatBytes(m.kvCacheBytes, unit);
    case 'kvPerToken': return formatBytes(m.kvBytesPerToken, unit);
    case 'overhead': return formatBytes(m.overheadBytes, unit);
    case 'total': return formatBytes(m.totalBytes, unit);
    default: break;
  }
  if (!r.fit) return MISSING;
  switch (show) {
    case 'verdict': return r.fit.verdict === 'fits' ? 'fits' : r.fit.verdict === 'offload' ? 'fits with offload' : 'does not fit';
    case 'maxContext': return formatInt(r.fit.maxContext);
    case 'bestQuant': return r.fit.bestQuant ?? 'none';
    case 'headroom': return formatBytes(r.fit.headroomBytes, unit);
    case 'offloadedLayers': return formatInt(r.fit.offloadedLayers);
    default: break;
  }
  if (!r.speed) return 'does not fit';
  switch (show) {
    case 'decode': return formatTokensPerSec(r.speed.decodeTokensPerSec);
    case 'decodeRange': return formatSpeedRange(r.speed.decodeRange);
    case 'prefill': return formatTokensPerSec(r.speed.prefillTokensPerSec);
    case 'ttft': return formatSeconds(r.speed.timeToFirstTokenSec);
    case 'aggregate': return formatTokensPerSec(r.speed.aggregateDecodeTokensPerSec);
    default: return MISSING;
  }
}

/** A number prop in [min, max] (inclusive), or the default; throws a message naming the prop otherwise. */
function numberProp(where: string, name: string, v: number | undefined, dflt: number, min: number, max: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new Error(`${where}: ${name} must be a number from ${min} to ${max}`);
  return v;
}

/**
 * Estimate and format one number for prose. Throws an Error naming the props when they are wrong
 * (unknown id, bad `show`, a speed or cost asked without hardware, a missing catalog price): at
 * build time that stops the build with a message, so a typo in a guide is caught instead of
 * printing a wrong number.
 *
 * Cost quotes (formatted with formatUsd, per million tokens where named so):
 * - `localUsdPerMTok`: the rig's cost per million generated tokens at capacity: catalog price over
 *   `lifetimeYears` plus electricity at `powerW` x `utilisation`, over the aggregate decode rate
 *   (all `sequences`) x the time it generates (cost.ts localCost).
 * - `apiUsdPerMTok api="<id>"`: the API row's blended price, `inputShare` input (default 0.75).
 * - `breakEvenTokensPerDay api="<id>"`: the daily volume at which that API costs as much per month
 *   as the rig ("1.2M tokens a day"), or "beyond the rig's capacity" when the API stays cheaper.
 * - `price`: the catalog price of the hardware spec, summed over its devices.
 * `aggregate` is the decode rate summed over `sequences` concurrent sequences.
 */
export function quote(props: QuoteProps, eng: QuoteEngine | ((req: EstimateRequest) => EstimateResult) = fullEngine): string {
  const show = props.show;
  const unit = props.unit;
  const req: EstimateRequest & Partial<Record<(typeof QUOTE_ONLY)[number], unknown>> = { ...props };
  for (const k of QUOTE_ONLY) delete req[k];
  const e: Partial<QuoteEngine> & Pick<QuoteEngine, 'estimate'> = typeof eng === 'function' ? { estimate: eng } : eng;
  const where = `<Estimate ${Object.entries(props).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')} />`;
  if (!QUOTE_FIELDS.includes(show)) throw new Error(`${where}: show must be one of ${QUOTE_FIELDS.join(', ')}`);
  if (unit !== undefined && unit !== 'GB' && unit !== 'GiB') throw new Error(`${where}: unit must be GB or GiB`);
  if (NEEDS_HARDWARE.has(show) && req.hardware === undefined && req.memoryGb === undefined) throw new Error(`${where}: show="${show}" needs hardware`);
  const lifetimeYears = numberProp(where, 'lifetimeYears', props.lifetimeYears, QUOTE_COST_DEFAULTS.lifetimeYears, 0.25, 50);
  const utilisation = numberProp(where, 'utilisation', props.utilisation, QUOTE_COST_DEFAULTS.utilisation, 0.001, 1);
  const electricityUsdPerKWh = numberProp(where, 'electricityUsdPerKWh', props.electricityUsdPerKWh, QUOTE_COST_DEFAULTS.electricityUsdPerKWh, 0, 10);
  const inputShare = numberProp(where, 'inputShare', props.inputShare, QUOTE_COST_DEFAULTS.inputShare, 0, 1);

  // Rig price and power for the cost quotes.
  const rigCost = (): { priceUsd: number; powerW: number } => {
    if (!e.rigSummary || req.hardware === undefined) throw new Error(`${where}: show="${show}" needs a catalog hardware spec`);
    const rig = e.rigSummary(req.hardware, req.memoryGb);
    if (!rig) throw new Error(`${where}: unknown hardware "${req.hardware}"`);
    const priceUsd = props.hardwarePriceUsd !== undefined ? numberProp(where, 'hardwarePriceUsd', props.hardwarePriceUsd, 0, 1, 1e8) : rig.priceUsd;
    if (priceUsd === null) throw new Error(`${where}: the catalog has no price for "${req.hardware}"${req.memoryGb !== undefined ? ` with ${req.memoryGb} GB` : ''}; give hardwarePriceUsd`);
    const powerW = props.powerW !== undefined ? numberProp(where, 'powerW', props.powerW, 0, 1, 1e6) : rig.powerW;
    return { priceUsd, powerW };
  };
  // The API row for the API quotes, with its blended price.
  const apiRow = (local: Parameters<QuoteEngine['localVsApi']>[0]) => {
    if (!e.localVsApi) throw new Error(`${where}: show="${show}" needs an engine with API prices`);
    if (typeof props.api !== 'string' || props.api === '') throw new Error(`${where}: show="${show}" needs api="<API price id>"`);
    const rows = e.localVsApi(local).api;
    const row = rows.find((x) => x.id === props.api);
    if (!row) {
      const s = suggestIds(props.api, rows.map((x) => x.id), 3);
      throw new Error(`${where}: unknown api "${props.api}"${s.length ? `; did you mean ${s.map((x) => `"${x}"`).join(', ')}?` : ''}`);
    }
    return row;
  };

  if (show === 'price') return formatUsd(rigCost().priceUsd);
  if (show === 'apiUsdPerMTok') {
    const row = apiRow({ hardwarePriceUsd: 0, lifetimeYears, powerW: 0, electricityUsdPerKWh, utilisation, tokensPerDay: 0, decodeTokensPerSec: 0, inputShare, months: 1 });
    return formatUsd(row.usdPerMTok);
  }

  let r: EstimateResult;
  try {
    r = e.estimate(req);
  } catch (err) {
    throw new Error(`${where}: ${(err as Error).message}`, { cause: err });
  }
  if (show !== 'localUsdPerMTok' && show !== 'breakEvenTokensPerDay') return quoteValue(r, show, unit ?? 'GB');
  if (!r.speed) return 'does not fit';
  const rig = rigCost();
  const local = {
    hardwarePriceUsd: rig.priceUsd, lifetimeYears, powerW: rig.powerW, electricityUsdPerKWh, utilisation,
    tokensPerDay: 0, decodeTokensPerSec: r.speed.aggregateDecodeTokensPerSec, inputShare, months: 1,
  };
  if (show === 'localUsdPerMTok') {
    if (!e.localVsApi) throw new Error(`${where}: show="${show}" needs an engine with cost helpers`);
    return formatUsd(e.localVsApi(local).local.usdPerMTok);
  }
  const v = apiRow(local).breakEvenTokensPerDay;
  return v === null ? "beyond the rig's capacity" : `${formatCount(v)} tokens a day`;
}
