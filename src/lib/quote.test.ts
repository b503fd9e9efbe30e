import { describe, expect, it } from 'vitest';
import { quote, quoteValue } from './quote.ts';
import { fitted } from './calibration/fitted.ts';
import { createFullEngine } from './sizing/full-engine.ts';
import { fixtureCatalog } from './sizing/test-fixtures.ts';
import { formatCount, formatTokensPerSec, formatUsd } from './format/index.ts';

const e = createFullEngine({ catalog: fixtureCatalog, calibration: fitted });
const q = (p: Parameters<typeof quote>[0]) => quote(p, e);

describe('quotes for prose', () => {
  it('renders Llama 3.1 70B Q4_K_M weights as "42.5 GB" and "39.6 GiB"', () => {
    expect(q({ model: 'llama-3.1-70b', quant: 'Q4_K_M', show: 'weights' })).toBe('42.5 GB');
    expect(q({ model: 'llama-3.1-70b', quant: 'Q4_K_M', show: 'weights', unit: 'GiB' })).toBe('39.6 GiB');
  });
  it('renders the KV cache per token of Llama 3.1 8B as "128 KiB"', () => {
    expect(q({ model: 'llama-3.1-8b', show: 'kvPerToken', unit: 'GiB' })).toBe('128 KiB');
  });
  it('renders the verdict, best format and a speed range on hardware', () => {
    const base = { model: 'llama-3.1-70b', quant: 'Q4_K_M', context: 8192, hardware: '2xrtx-3090' };
    expect(q({ ...base, show: 'verdict' })).toBe('fits');
    expect(q({ ...base, show: 'bestQuant' })).toMatch(/^[A-Z0-9_]+$/);
    expect(q({ ...base, show: 'decodeRange' })).toMatch(/^\d+(\.\d)?–\d+(\.\d)? tok\/s$/);
    expect(q({ ...base, show: 'maxContext' })).toMatch(/^\d{1,3}(,\d{3})*$/);
  });
  it('says "does not fit" for the speed of a run that does not fit', () => {
    expect(q({ model: 'llama-3.1-70b', quant: 'Q8_0', hardware: 'rtx-4060', show: 'decode' })).toBe('does not fit');
  });
  it('stops the build with a message naming the props for a bad id or a speed without hardware', () => {
    expect(() => q({ model: 'llama-3.1-7b', show: 'weights' })).toThrow(/<Estimate .*did you mean/);
    expect(() => q({ model: 'llama-3.1-8b', show: 'decode' })).toThrow(/needs hardware/);
    expect(() => q({ model: 'llama-3.1-8b', show: 'bogus' as never })).toThrow(/show must be/);
  });
  it('never renders NaN', () => {
    const r = e.estimate({ model: 'llama-3.1-8b' });
    expect(quoteValue(r, 'decode')).toBe('—');
  });
  it('renders the aggregate decode rate of 4 concurrent sequences, above the per-sequence rate', () => {
    const base = { model: 'llama-3.1-8b', quant: 'Q4_K_M', context: 8192, hardware: 'rtx-3090', sequences: 4 };
    const r = e.estimate(base);
    expect(q({ ...base, show: 'aggregate' })).toBe(formatTokensPerSec(r.speed!.aggregateDecodeTokensPerSec));
    expect(r.speed!.aggregateDecodeTokensPerSec).toBeGreaterThan(r.speed!.decodeTokensPerSec);
  });
  it('passes kvCache, engine and sequences through to the estimate (Llama 3.1 8B q8_0 at 8K: 544 MiB)', () => {
    expect(q({ model: 'llama-3.1-8b', context: 8192, kvCache: 'q8_0', show: 'kvCache', unit: 'GiB' })).toBe('544 MiB');
    expect(q({ model: 'llama-3.1-8b', context: 8192, kvCache: 'q8_0', sequences: 2, show: 'kvCache', unit: 'GiB' })).toBe('1.1 GiB');
    expect(q({ model: 'gemma-2-9b', context: 8192, engine: 'vllm', show: 'kvCache', unit: 'GiB' })).toBe('2.6 GiB'); // 42 x 8192 x 8 KiB
  });
  it('prices 2x RTX 3090 at the catalog price summed over both cards ($1,600)', () => {
    expect(q({ hardware: '2xrtx-3090', show: 'price' })).toBe('$1,600');
    expect(q({ hardware: 'rtx-4090,rtx-3090', show: 'price' })).toBe('$2,600');
  });
  it('blends an API price at 75% input by default ($3 in, $15 out -> $6.00) and gives the output price at inputShare 0', () => {
    expect(q({ show: 'apiUsdPerMTok', api: 'api-a' })).toBe('$6.00');
    expect(q({ show: 'apiUsdPerMTok', api: 'api-a', inputShare: 0 })).toBe('$15.00');
  });
  it('computes local $ per million tokens from price over lifetime plus power at the utilisation, over the aggregate decode rate', () => {
    const base = { model: 'llama-3.1-8b', quant: 'Q4_K_M', context: 8192, hardware: 'rtx-3090' };
    const tps = e.estimate(base).speed!.aggregateDecodeTokensPerSec;
    // $800 over 3 years + 350 W x 25% x 730 h x $0.17/kWh per month, over tps x 86,400 s x 25% x 365/12 days.
    const usdPerMonth = 800 / 36 + (350 * 0.25 * 730 / 1000) * 0.17;
    const tokensPerMonth = tps * 86400 * 0.25 * (365 / 12);
    expect(q({ ...base, show: 'localUsdPerMTok' })).toBe(formatUsd((usdPerMonth / tokensPerMonth) * 1e6));
    const hot = (800 / 12 + (350 * 1 * 730 / 1000) * 0.3) / (tps * 86400 * (365 / 12)) * 1e6;
    expect(q({ ...base, show: 'localUsdPerMTok', lifetimeYears: 1, utilisation: 1, electricityUsdPerKWh: 0.3 })).toBe(formatUsd(hot));
  });
  it('finds the break-even volume against an API, or says the API stays cheaper up to the rig capacity', () => {
    const base = { model: 'llama-3.1-8b', quant: 'Q4_K_M', context: 8192, hardware: 'rtx-3090' };
    const usdPerMonth = 800 / 36 + (350 * 0.25 * 730 / 1000) * 0.17;
    const expected = (usdPerMonth * 1e6) / (6 * (365 / 12)); // api-a blended $6.00
    expect(q({ ...base, show: 'breakEvenTokensPerDay', api: 'api-a' })).toBe(`${formatCount(expected)} tokens a day`); // "181K tokens a day"
    expect(q({ ...base, show: 'breakEvenTokensPerDay', api: 'api-b' })).toBe("beyond the rig's capacity");
  });
  it('stops the build for a cost quote without an api id, with an unknown one, or for hardware without a catalog price', () => {
    const base = { model: 'llama-3.1-8b', quant: 'Q4_K_M', context: 8192, hardware: 'rtx-3090' };
    expect(() => q({ ...base, show: 'breakEvenTokensPerDay' })).toThrow(/needs api=/);
    expect(() => q({ show: 'apiUsdPerMTok', api: 'api-c' })).toThrow(/unknown api "api-c"; did you mean/);
    expect(() => q({ hardware: 'h100-sxm', show: 'price' })).toThrow(/no price for "h100-sxm"/);
    expect(q({ hardware: 'h100-sxm', show: 'price', hardwarePriceUsd: 30000 })).toBe('$30,000');
    expect(() => q({ ...base, show: 'localUsdPerMTok', utilisation: 2 })).toThrow(/utilisation must be/);
    expect(() => q({ hardware: 'm4-max-40c', memoryGb: 64, show: 'price' })).toThrow(/no price/);
  });
});
