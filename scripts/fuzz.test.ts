import { describe, expect, it } from 'vitest';
import { fuzzArgs, fuzzEngine, fuzzJsonl } from './fuzz.ts';

// A small, fixed sample of `npm run fuzz` in every test run; the full harness runs many more cases.
describe('hostile and careless input, a fixed sample', () => {
  it('leaves the engine answering or refusing with finite numbers', () => {
    expect(fuzzEngine(7, 1500)).toEqual([]);
  });
  it('answers every JSON line in order, a result or an error naming the line', () => {
    expect(fuzzJsonl(8, 1500)).toEqual([]);
  });
  it('exits 0 or 2 with one short, escaped error line for random command lines', () => {
    expect(fuzzArgs(9, 12)).toEqual([]);
  }, 60_000);
});
