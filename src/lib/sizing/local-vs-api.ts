/**
 * The local-versus-API helper (Local or API?). Needs only the API price rows and the cost
 * formulas, not the engine: a module of its own so only the pages that compare ship it.
 */
import type { ApiPriceEntry } from '../catalog/types.ts';
import { apiUsdPerMonth, apiUsdPerMTok, breakEvenTokensPerDay, localCost } from './cost.ts';
import type { LocalCost } from './cost.ts';

/** Inputs of the local-versus-API comparison. */
export interface LocalVsApiInput {
  hardwarePriceUsd: number;
  lifetimeYears: number;
  powerW: number;
  electricityUsdPerKWh: number;
  /** Share of the time the rig generates, 0..1. */
  utilisation: number;
  /** Volume to price, tokens per day. */
  tokensPerDay: number;
  /** Aggregate decode rate of the rig, tokens per second. */
  decodeTokensPerSec: number;
  /** Share of input tokens in the API bill, 0..1 (default 0.75: agents read more than they write). */
  inputShare?: number;
  /** Months to chart (default 36). */
  months?: number;
}

/** Result of the local-versus-API comparison. */
export interface LocalVsApiResult {
  local: LocalCost;
  api: { id: string; model: string; provider: string; usdPerMTok: number; usdPerMonth: number; breakEvenTokensPerDay: number | null; seen: string; source: string }[];
  overTime: { month: number; localUsd: number; apiUsd: number[] }[];
}

/**
 * Local cost against every API price row: monthly cost, $ per million tokens, break-even
 * volume per API row and cumulative cost month by month. Never throws; bad numbers count as 0.
 */
export function localVsApi(apiPrices: readonly ApiPriceEntry[], i: LocalVsApiInput): LocalVsApiResult {
  const local = localCost(i);
  const share = i.inputShare ?? 0.75;
  const api = apiPrices.map((row) => {
    const usdPerMTok = apiUsdPerMTok(row.inputUsdPerMTok, row.outputUsdPerMTok, share);
    return {
      id: row.id, model: row.model, provider: row.provider, usdPerMTok,
      usdPerMonth: apiUsdPerMonth(usdPerMTok, i.tokensPerDay),
      breakEvenTokensPerDay: breakEvenTokensPerDay(local, usdPerMTok),
      seen: row.seen, source: row.source,
    };
  });
  const months = Math.max(1, Math.min(120, Math.floor(Number.isFinite(i.months ?? 36) ? (i.months ?? 36) : 36)));
  const hw = Number.isFinite(i.hardwarePriceUsd) && i.hardwarePriceUsd > 0 ? i.hardwarePriceUsd : 0;
  const overTime: LocalVsApiResult['overTime'] = [];
  for (let m = 0; m <= months; m++) {
    overTime.push({ month: m, localUsd: hw + local.energyUsdPerMonth * m, apiUsd: api.map((x) => x.usdPerMonth * m) });
  }
  return { local, api, overTime };
}
