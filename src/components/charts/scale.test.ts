import { describe, expect, it } from 'vitest';
import { linear, log2Scale, niceTicks, pow2Ticks } from './scale.ts';

describe('chart scales', () => {
  it('picks round ticks that cover the maximum', () => {
    expect(niceTicks(48)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(0.9, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
  it('maps linearly and on log2, and maps bad input to the range start', () => {
    expect(linear(0, 10, 0, 100)(5)).toBe(50);
    expect(linear(0, 0, 3, 100)(5)).toBe(3);
    expect(log2Scale(1024, 4096, 0, 100)(2048)).toBe(50);
    expect(log2Scale(1024, 4096, 0, 100)(-1)).toBe(0);
  });
  it('gives power-of-two ticks for context axes', () => {
    expect(pow2Ticks(1024, 8192)).toEqual([1024, 2048, 4096, 8192]);
    expect(pow2Ticks(1024, 2 ** 20, 4).length).toBeLessThanOrEqual(4);
  });
});
