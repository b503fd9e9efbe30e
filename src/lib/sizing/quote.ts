/**
 * One number from an estimate, formatted for prose: what `<Estimate ... show="weights" />` renders
 * at build time, so a guide can never contradict the engine. The component only renders the string.
 */
import type { EstimateRequest, EstimateResult } from './types.ts';
import { estimate } from './estimate.ts';
import { formatBytes, formatInt, formatSeconds, formatSpeedRange, formatTokensPerSec, MISSING } from '../format/index.ts';
import type { MemoryUnit } from '../format/index.ts';

/** What a quote can show. */
export const QUOTE_FIELDS = [
  'weights', 'kvCache', 'kvPerToken', 'overhead', 'total', 'decode', 'decodeRange', 'prefill', 'ttft',
  'maxContext', 'verdict', 'bestQuant', 'headroom', 'offloadedLayers',
] as const;
export type QuoteField = (typeof QUOTE_FIELDS)[number];

/** Props of `<Estimate />`: an estimate request plus what to show and in which memory unit. */
export interface QuoteProps extends EstimateRequest {
  show: QuoteField;
  /** GB = 10^9 bytes (default), GiB = 2^30 bytes. */
  unit?: MemoryUnit;
}

const NEEDS_HARDWARE: ReadonlySet<QuoteField> = new Set(['decode', 'decodeRange', 'prefill', 'ttft', 'maxContext', 'verdict', 'bestQuant', 'headroom', 'offloadedLayers']);

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
    default: return MISSING;
  }
}

/**
 * Estimate and format one number for prose. Throws an Error naming the props when they are wrong
 * (unknown id, bad `show`, a speed asked without hardware): at build time that stops the build
 * with a message, so a typo in a guide is caught instead of printing a wrong number.
 */
export function quote(props: QuoteProps, run: (req: EstimateRequest) => EstimateResult = estimate): string {
  const { show, unit, ...req } = props;
  const where = `<Estimate ${Object.entries(props).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')} />`;
  if (!QUOTE_FIELDS.includes(show)) throw new Error(`${where}: show must be one of ${QUOTE_FIELDS.join(', ')}`);
  if (unit !== undefined && unit !== 'GB' && unit !== 'GiB') throw new Error(`${where}: unit must be GB or GiB`);
  if (NEEDS_HARDWARE.has(show) && req.hardware === undefined && req.memoryGb === undefined) throw new Error(`${where}: show="${show}" needs hardware`);
  let r: EstimateResult;
  try {
    r = run(req);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
  return quoteValue(r, show, unit ?? 'GB');
}
