import { describe, expect, it } from 'vitest';
import { apiUsdPerMonth, apiUsdPerMTok, breakEvenTokensPerDay, DAYS_PER_MONTH, localCost } from './cost.ts';

describe('cost', () => {
  it('writes a $1,800 card off over 3 years at $50 a month and adds power at the given utilisation', () => {
    const c = localCost({ hardwarePriceUsd: 1800, lifetimeYears: 3, powerW: 400, electricityUsdPerKWh: 0.2, utilisation: 0.5, decodeTokensPerSec: 50 });
    expect(c.hardwareUsdPerMonth).toBe(50);
    // 400 W x 0.5 x 730 h = 146 kWh x $0.20 = $29.20
    expect(c.energyUsdPerMonth).toBeCloseTo(29.2, 6);
    expect(c.capacityTokensPerDay).toBe(50 * 86400 * 0.5);
    expect(c.usdPerMTok).toBeCloseTo((79.2 / (50 * 86400 * 0.5 * DAYS_PER_MONTH)) * 1e6, 6);
  });
  it('blends API input and output prices by the input share', () => {
    expect(apiUsdPerMTok(3, 15, 0.75)).toBe(6);
    expect(apiUsdPerMonth(6, 1e6)).toBeCloseTo(6 * DAYS_PER_MONTH, 6);
  });
  it('finds the break-even volume where the API bill equals the local monthly cost', () => {
    const c = localCost({ hardwarePriceUsd: 1200, lifetimeYears: 2, powerW: 0, electricityUsdPerKWh: 0, utilisation: 1, decodeTokensPerSec: 100 });
    const v = breakEvenTokensPerDay(c, 10)!;
    expect(apiUsdPerMonth(10, v)).toBeCloseTo(c.usdPerMonth, 6);
  });
  it('returns no break-even when the API stays cheaper up to the rig capacity', () => {
    const c = localCost({ hardwarePriceUsd: 10000, lifetimeYears: 1, powerW: 300, electricityUsdPerKWh: 0.3, utilisation: 0.1, decodeTokensPerSec: 5 });
    expect(breakEvenTokensPerDay(c, 0.1)).toBeNull();
  });
  it('never returns NaN for nonsense inputs', () => {
    const c = localCost({ hardwarePriceUsd: NaN, lifetimeYears: -1, powerW: Infinity, electricityUsdPerKWh: -3, utilisation: 7, decodeTokensPerSec: NaN });
    for (const v of Object.values(c)) expect(Number.isFinite(v)).toBe(true);
  });
});
