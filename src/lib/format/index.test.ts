import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hardware, models } from '../catalog/index.ts';
import {
  MISSING, bytesIn, compareText, formatBytes, formatCount, formatInt, formatNumber, formatSeconds,
  formatSpeedRange, formatTokens, formatTokensPerSec, formatUsd,
} from './index.ts';

describe('formatBytes', () => {
  it('shows 42.5e9 bytes as 42.5 GB and the same bytes as 39.6 GiB', () => {
    expect(formatBytes(42.5e9)).toBe('42.5 GB');
    expect(formatBytes(42.5e9, 'GiB')).toBe('39.6 GiB');
  });
  it('drops to KiB and MB below one G so a per-token cache stays readable', () => {
    expect(formatBytes(131072, 'GiB')).toBe('128 KiB');
    expect(formatBytes(131072, 'GB')).toBe('131 KB');
    expect(formatBytes(512e6)).toBe('512 MB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
  it('keeps whole numbers above 100 G and a sign on a shortfall', () => {
    expect(formatBytes(1342.6e9)).toBe('1,343 GB');
    expect(formatBytes(-3.21e9)).toBe('\u22123.2 GB');
  });
  it('renders NaN and Infinity as a dash, never as text the reader cannot use', () => {
    expect(formatBytes(Number.NaN)).toBe(MISSING);
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe(MISSING);
    expect(bytesIn(Number.NaN, 'GB')).toBe(0);
  });
  it('converts bytes to plain numbers in either unit', () => {
    expect(bytesIn(2 ** 30, 'GiB')).toBe(1);
    expect(bytesIn(1e9, 'GB')).toBe(1);
  });
});

describe('speeds and times', () => {
  it('rounds speeds to whole numbers from 10 tok/s and one decimal below', () => {
    expect(formatTokensPerSec(23.46)).toBe('23 tok/s');
    expect(formatTokensPerSec(4.56)).toBe('4.6 tok/s');
    expect(formatTokensPerSec(0.423)).toBe('0.42 tok/s');
  });
  it('writes a range with an en dash, in order, and collapses equal ends', () => {
    expect(formatSpeedRange([19.2, 27.4])).toBe('19–27 tok/s');
    expect(formatSpeedRange([27.4, 19.2])).toBe('19–27 tok/s');
    expect(formatSpeedRange([20, 20.2])).toBe('20 tok/s');
    expect(formatSpeedRange([Number.NaN, 3])).toBe(MISSING);
    expect(formatSpeedRange(null)).toBe(MISSING);
  });
  it('writes durations in ms, s, min and h', () => {
    expect(formatSeconds(0.35)).toBe('350 ms');
    expect(formatSeconds(4.24)).toBe('4.2 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
    expect(formatSeconds(3 * 3600 + 600)).toBe('3 h 10 min');
    expect(formatSeconds(Number.POSITIVE_INFINITY)).toBe(MISSING);
  });
});

describe('counts and money', () => {
  it('writes context lengths the way model cards do', () => {
    expect(formatTokens(32768)).toBe('32K');
    expect(formatTokens(131072)).toBe('128K');
    expect(formatTokens(1048576)).toBe('1M');
    expect(formatTokens(6000)).toBe('6,000');
  });
  it('abbreviates large counts', () => {
    expect(formatCount(70.6e9)).toBe('70.6B');
    expect(formatCount(494e6)).toBe('494M');
    expect(formatCount(2_500_000)).toBe('2.5M');
    expect(formatCount(8000)).toBe('8,000');
    expect(formatCount(45_000)).toBe('45K');
  });
  it('writes dollars with cents below $100 and two significant figures below $1', () => {
    expect(formatUsd(1499)).toBe('$1,499');
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd(0.0031234)).toBe('$0.0031');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.6)).toBe('$0.60');
    expect(formatUsd(-12)).toBe('\u2212$12.00');
  });
  it('writes integers with separators', () => {
    expect(formatInt(131072)).toBe('131,072');
    expect(formatNumber(-0.0001)).toBe('0');
  });
});

describe('never NaN or Infinity', () => {
  it('no formatter prints NaN, Infinity or undefined for any double', () => {
    const fns = [
      formatBytes, (x: number) => formatBytes(x, 'GiB'), formatCount, formatInt, formatNumber,
      formatSeconds, formatTokens, formatTokensPerSec, formatUsd, (x: number) => formatSpeedRange([x, x * 2]),
    ];
    fc.assert(fc.property(fc.double(), (x) => {
      for (const f of fns) {
        const s = f(x);
        expect(s).not.toMatch(/NaN|Infinity|undefined/);
        expect(s.length).toBeGreaterThan(0);
      }
    }));
  });
});

describe('compareText', () => {
  it('orders case-insensitively and breaks ties by case, so sorting is stable and total', () => {
    expect(['b', 'B', 'a', 'C'].sort(compareText)).toEqual(['a', 'B', 'b', 'C']);
    expect(compareText('x', 'x')).toBe(0);
  });
  it('sorts every catalog model and GPU name in the same order as Intl.Collator', () => {
    const names = [...models.map((m) => m.name), ...hardware.map((h) => h.name)];
    expect([...names].sort(compareText)).toEqual([...names].sort(new Intl.Collator().compare));
  });
});
