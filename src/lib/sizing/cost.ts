/**
 * Cost: local hardware against per-token API prices.
 *
 * Local: the hardware price spread over its lifetime, plus electricity for the hours it works
 * (power x utilisation x 730 hours a month x price per kWh). Its capacity is the aggregate decode
 * rate times the seconds it works; `$ per million tokens` divides the monthly cost by the tokens it
 * actually produces at the given volume (at most its capacity).
 * API: input and output tokens at their per-million prices.
 * Break-even: the daily volume where the API's bill equals the local monthly cost, if below the
 * local capacity. Assumptions are in the inputs; nothing here reads a catalog.
 */

/** Hours in an average month (8760 / 12). */
export const HOURS_PER_MONTH = 730;
/** Days in an average month. */
export const DAYS_PER_MONTH = 365 / 12;

/** Inputs of the local cost model. */
export interface LocalCostInput {
  /** Hardware price, USD. */
  hardwarePriceUsd: number;
  /** Years over which the hardware is written off. */
  lifetimeYears: number;
  /** Power drawn while generating, watts. */
  powerW: number;
  /** Electricity price, USD per kWh. */
  electricityUsdPerKWh: number;
  /** Share of the time the rig is generating, 0..1 (its capacity scales with it). */
  utilisation: number;
  /** Aggregate decode rate, tokens per second. */
  decodeTokensPerSec: number;
  /** Power at idle for the rest of the time, watts (default 0: switched off). */
  idlePowerW?: number;
}

export interface LocalCost {
  usdPerMonth: number;
  /** Hardware write-off per month, USD. */
  hardwareUsdPerMonth: number;
  /** Electricity per month at the given utilisation, USD. */
  energyUsdPerMonth: number;
  /** Tokens per day the rig can produce at this utilisation. */
  capacityTokensPerDay: number;
  /** Cost per million tokens when running at capacity, USD. */
  usdPerMTok: number;
}

function nn(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}

/** Monthly cost and cost per million tokens of a local rig at the given utilisation. */
export function localCost(i: LocalCostInput): LocalCost {
  const util = Math.min(1, nn(i.utilisation));
  const life = Math.max(0.1, nn(i.lifetimeYears) || 3);
  const hardwareUsdPerMonth = nn(i.hardwarePriceUsd) / (life * 12);
  const kWh = (nn(i.powerW) * util + nn(i.idlePowerW ?? 0) * (1 - util)) * HOURS_PER_MONTH / 1000;
  const energyUsdPerMonth = kWh * nn(i.electricityUsdPerKWh);
  const usdPerMonth = hardwareUsdPerMonth + energyUsdPerMonth;
  const capacityTokensPerDay = nn(i.decodeTokensPerSec) * 86400 * util;
  const monthlyTokens = capacityTokensPerDay * DAYS_PER_MONTH;
  return {
    usdPerMonth, hardwareUsdPerMonth, energyUsdPerMonth, capacityTokensPerDay,
    usdPerMTok: monthlyTokens > 0 ? (usdPerMonth / monthlyTokens) * 1e6 : 0,
  };
}

/** Blended API price per million tokens for a share of input tokens (0..1), USD. */
export function apiUsdPerMTok(inputUsdPerMTok: number, outputUsdPerMTok: number, inputShare: number): number {
  const s = Math.min(1, Math.max(0, Number.isFinite(inputShare) ? inputShare : 0));
  return nn(inputUsdPerMTok) * s + nn(outputUsdPerMTok) * (1 - s);
}

/** API cost per month for a daily token volume, USD. */
export function apiUsdPerMonth(usdPerMTok: number, tokensPerDay: number): number {
  return (nn(usdPerMTok) * nn(tokensPerDay) * DAYS_PER_MONTH) / 1e6;
}

/**
 * Daily volume at which the API costs as much per month as the local rig, or null when the API
 * stays cheaper up to the rig's capacity (or the API is free).
 */
export function breakEvenTokensPerDay(local: LocalCost, apiUsdPerMTokBlended: number): number | null {
  const p = nn(apiUsdPerMTokBlended);
  if (p === 0) return null;
  const v = (local.usdPerMonth * 1e6) / (p * DAYS_PER_MONTH);
  return v <= local.capacityTokensPerDay ? v : null;
}
