import { describe, expect, it } from 'vitest';
import { quote, quoteValue } from './quote.ts';
import { createEngine } from './engine.ts';
import { fixtureCatalog } from './test-fixtures.ts';

const e = createEngine(fixtureCatalog);
const q = (p: Parameters<typeof quote>[0]) => quote(p, e.estimate);

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
});
