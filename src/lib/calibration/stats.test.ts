import { describe, expect, it } from 'vitest';
import { median, pctError, quantile, round } from './stats.ts';

describe('stats', () => {
  it('interpolates quantiles between order statistics like NumPy (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46, 10);
    expect(median([3, 1, 2])).toBe(2);
  });
  it('ignores non-finite values and returns null for an empty list', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([Number.NaN, Infinity], 0.5)).toBeNull();
    expect(median([1, Number.NaN, 3])).toBe(2);
  });
  it('signs the percentage error as predicted minus measured over measured', () => {
    expect(pctError(110, 100)).toBeCloseTo(10, 10);
    expect(pctError(90, 100)).toBeCloseTo(-10, 10);
    expect(pctError(1, 0)).toBeNull();
    expect(pctError(Number.NaN, 5)).toBeNull();
  });
  it('never rounds to NaN or Infinity', () => {
    expect(round(Infinity)).toBeNull();
    expect(round(1.23456, 2)).toBe(1.23);
  });
});
